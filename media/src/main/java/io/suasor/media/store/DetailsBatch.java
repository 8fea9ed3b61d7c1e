package io.suasor.media.store;

import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Credit;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the external ids, genres, tags and credits of many items with one JDBC batch per
 * statement, inside the caller's transaction.
 */
final class DetailsBatch {
  private static final int PEOPLE_CHUNK = 500;

  private final Map<Long, ItemMetadata> items = new LinkedHashMap<>();

  void add(long itemId, ItemMetadata metadata) {
    items.put(itemId, metadata);
  }

  void flush(Connection c) throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    for (String table : List.of("item_external_ids", "item_genres", "item_tags", "item_credits")) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM " + table + " WHERE item_id = ?")) {
        for (long id : items.keySet()) {
          delete.setLong(1, id);
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
    Map<String, Long> people = personIds(c);
    try (PreparedStatement ids =
            c.prepareStatement(
                "INSERT INTO item_external_ids (item_id, provider, external_id) VALUES (?, ?, ?)");
        PreparedStatement genres =
            c.prepareStatement("INSERT INTO item_genres (item_id, genre) VALUES (?, ?)");
        PreparedStatement tags =
            c.prepareStatement("INSERT INTO item_tags (item_id, tag) VALUES (?, ?)");
        PreparedStatement credits =
            c.prepareStatement(
                """
                INSERT INTO item_credits (item_id, person_id, role, role_name, sort_order)
                VALUES (?, ?, ?, ?, ?)
                """)) {
      for (Map.Entry<Long, ItemMetadata> entry : items.entrySet()) {
        long id = entry.getKey();
        ItemMetadata m = entry.getValue();
        for (Map.Entry<ExternalProvider, String> externalId : m.externalIds().entrySet()) {
          Jdbc.bind(ids, id, externalId.getKey().value(), externalId.getValue());
          ids.addBatch();
        }
        for (String genre : new LinkedHashSet<>(m.genres())) {
          Jdbc.bind(genres, id, genre);
          genres.addBatch();
        }
        for (String tag : new LinkedHashSet<>(m.tags())) {
          Jdbc.bind(tags, id, tag);
          tags.addBatch();
        }
        Set<String> seen = new java.util.HashSet<>();
        for (Credit credit : m.credits()) {
          if (seen.add(credit.person() + "\u0000" + credit.role())) {
            Jdbc.bind(
                credits,
                id,
                people.get(credit.person()),
                credit.role().value(),
                Jdbc.nullableText(credit.roleName()),
                credit.order());
            credits.addBatch();
          }
        }
      }
      ids.executeBatch();
      genres.executeBatch();
      tags.executeBatch();
      credits.executeBatch();
    }
    items.clear();
  }

  /** The ids of every person credited in the batch, inserting the people not yet known. */
  private Map<String, Long> personIds(Connection c) throws SQLException {
    Set<String> names = new LinkedHashSet<>();
    items.values().forEach(m -> m.credits().forEach(credit -> names.add(credit.person())));
    Map<String, Long> ids = new HashMap<>();
    if (names.isEmpty()) {
      return ids;
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO people (name) VALUES (?) ON CONFLICT (name) DO NOTHING")) {
      for (String name : names) {
        insert.setString(1, name);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    List<String> all = new ArrayList<>(names);
    for (int from = 0; from < all.size(); from += PEOPLE_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + PEOPLE_CHUNK));
      String placeholders = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      for (Object[] row :
          Jdbc.query(
              c,
              "SELECT id, name FROM people WHERE name IN (" + placeholders + ")",
              r -> new Object[] {r.getString("name"), r.getLong("id")},
              chunk.toArray())) {
        ids.put((String) row[0], (Long) row[1]);
      }
    }
    return ids;
  }
}
