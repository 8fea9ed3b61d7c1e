package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link ItemSummary summaries} of many items by id, three statements per chunk of ids, so
 * that work over a user's plays reads only the items the plays touch.
 */
public final class ItemSummaryStore {
  /** Ids bound per statement; well under the parameter limits of both databases. */
  private static final int CHUNK = 500;

  private final Database database;

  public ItemSummaryStore(Database database) {
    this.database = database;
  }

  /** The summaries of those of {@code ids} that exist, in no particular order. */
  public List<ItemSummary> summaries(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> all = List.copyOf(ids);
    return database.read(
        "read " + all.size() + " item summaries",
        c -> {
          List<ItemSummary> summaries = new ArrayList<>();
          for (int from = 0; from < all.size(); from += CHUNK) {
            summaries.addAll(chunk(c, all.subList(from, Math.min(all.size(), from + CHUNK))));
          }
          return summaries;
        });
  }

  private static List<ItemSummary> chunk(Connection c, List<Long> ids) throws SQLException {
    // Padded to a power of two by repeating an id, so that a few statement texts serve every
    // chunk size and stay prepared on SQLite instead of pushing other statements out.
    int size = Math.min(CHUNK, Integer.highestOneBit(ids.size() * 2 - 1));
    Object[] params = new Object[size];
    for (int i = 0; i < size; i++) {
      params[i] = ids.get(Math.min(i, ids.size() - 1));
    }
    String in = "(" + String.join(", ", Collections.nCopies(size, "?")) + ")";
    Map<Long, List<String>> genres = new HashMap<>();
    for (Object[] row :
        Jdbc.query(
            c,
            "SELECT item_id, genre FROM item_genres WHERE item_id IN " + in + " ORDER BY genre",
            r -> new Object[] {r.getLong("item_id"), r.getString("genre")},
            params)) {
      genres.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
    }
    Map<Long, List<Credit>> credits = new HashMap<>();
    for (Object[] row :
        Jdbc.query(
            c,
            """
            SELECT c.item_id, p.name, c.role, c.role_name, c.sort_order
            FROM item_credits c JOIN people p ON p.id = c.person_id
            WHERE c.item_id IN %s ORDER BY c.role, c.sort_order, p.name
            """
                .formatted(in),
            r ->
                new Object[] {
                  r.getLong("item_id"),
                  new Credit(
                      r.getString("name"),
                      CreditRole.of(r.getString("role")),
                      r.getString("role_name"),
                      r.getInt("sort_order"))
                },
            params)) {
      credits.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Credit) row[1]);
    }
    return Jdbc.query(
        c,
        """
        SELECT id, type, title, year, duration_seconds, parent_id, series_id
        FROM media_items WHERE id IN %s
        """
            .formatted(in),
        r -> {
          long id = r.getLong("id");
          return new ItemSummary(
              id,
              MediaType.of(r.getString("type")),
              r.getString("title"),
              Jdbc.nullableInt(r, "year"),
              Jdbc.nullableInt(r, "duration_seconds"),
              Jdbc.nullableLong(r, "parent_id"),
              Jdbc.nullableLong(r, "series_id"),
              genres.getOrDefault(id, List.of()),
              credits.getOrDefault(id, List.of()));
        },
        params);
  }
}
