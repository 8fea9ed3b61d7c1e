package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of collections and their order: replaced whole (a smart collection's new result, a
 * manual collection's new list) by writing only the difference, and read a page at a time.
 */
public final class CollectionItemStore {
  private final Database database;

  public CollectionItemStore(Database database) {
    this.database = database;
  }

  /** What a replacement changed; nothing at all when the list was already the same. */
  public record Change(int added, int removed, boolean reordered) {
    public static final Change NONE = new Change(0, 0, false);

    public boolean changed() {
      return added > 0 || removed > 0 || reordered;
    }
  }

  /** One item of a collection as its page lists it. */
  public record Entry(
      int position,
      long itemId,
      MediaType type,
      String title,
      Integer year,
      Double rating,
      Instant addedAt) {}

  /**
   * Makes {@code itemIds} (distinct, existing items) the collection's items in that order. Items
   * that stay keep the time they were added; the collection's {@code updated_at} moves only when
   * something changed, so that replacing a list by itself writes nothing.
   */
  public Change replace(long collectionId, List<Long> itemIds, Instant now) {
    return database.inTransaction(
        "replace the items of collection " + collectionId,
        c -> replace(c, collectionId, itemIds, now));
  }

  private static Change replace(Connection c, long collectionId, List<Long> itemIds, Instant now)
      throws SQLException {
    Map<Long, Integer> current = new LinkedHashMap<>();
    for (long[] row :
        Jdbc.query(
            c,
            "SELECT item_id, position FROM collection_items WHERE collection_id = ?"
                + " ORDER BY position, item_id",
            r -> new long[] {r.getLong("item_id"), r.getInt("position")},
            collectionId)) {
      current.put(row[0], (int) row[1]);
    }
    Map<Long, Integer> wanted = new HashMap<>();
    for (int i = 0; i < itemIds.size(); i++) {
      wanted.put(itemIds.get(i), i + 1);
    }
    Set<Long> removed = new HashSet<>(current.keySet());
    removed.removeAll(wanted.keySet());
    List<Long> added = new ArrayList<>();
    List<Long> moved = new ArrayList<>();
    for (Long id : itemIds) {
      Integer position = current.get(id);
      if (position == null) {
        added.add(id);
      } else if (position.intValue() != wanted.get(id)) {
        moved.add(id);
      }
    }
    if (removed.isEmpty() && added.isEmpty() && moved.isEmpty()) {
      return Change.NONE;
    }
    batch(
        c,
        "DELETE FROM collection_items WHERE collection_id = ? AND item_id = ?",
        collectionId,
        removed,
        null,
        null);
    batch(
        c,
        "UPDATE collection_items SET position = ? WHERE collection_id = ? AND item_id = ?",
        collectionId,
        moved,
        wanted,
        null);
    batch(
        c,
        "INSERT INTO collection_items (position, collection_id, item_id, added_at)"
            + " VALUES (?, ?, ?, ?)",
        collectionId,
        added,
        wanted,
        now);
    Jdbc.update(c, "UPDATE collections SET updated_at = ? WHERE id = ?", now, collectionId);
    return new Change(added.size(), removed.size(), !moved.isEmpty());
  }

  /** One statement per item, sent as a batch: [position,] collection, item[, added]. */
  private static void batch(
      Connection c,
      String sql,
      long collectionId,
      java.util.Collection<Long> ids,
      Map<Long, Integer> positions,
      Instant addedAt)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (Long id : ids) {
        List<Object> params = new ArrayList<>();
        if (positions != null) {
          params.add(positions.get(id));
        }
        params.add(collectionId);
        params.add(id);
        if (addedAt != null) {
          params.add(addedAt);
        }
        Jdbc.bind(statement, params.toArray());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Up to {@code limit} items after position {@code after} (0 for the first page). */
  public List<Entry> page(long collectionId, int after, int limit) {
    return database.read(
        "list items of collection " + collectionId,
        c ->
            Jdbc.query(
                c,
                """
                SELECT ci.position, ci.item_id, ci.added_at, i.type, i.title, i.year, i.rating
                FROM collection_items ci JOIN media_items i ON i.id = ci.item_id
                WHERE ci.collection_id = ? AND ci.position > ?
                ORDER BY ci.position, ci.item_id LIMIT ?
                """,
                row -> {
                  double rating = row.getDouble("rating");
                  Double nullableRating = row.wasNull() ? null : rating;
                  return new Entry(
                      row.getInt("position"),
                      row.getLong("item_id"),
                      MediaType.of(row.getString("type")),
                      row.getString("title"),
                      Jdbc.nullableInt(row, "year"),
                      nullableRating,
                      Jdbc.instant(row, "added_at"));
                },
                collectionId,
                after,
                limit));
  }

  /** How many items each of the user's collections holds (collections without any are absent). */
  public Map<Long, Long> counts(long userId) {
    Map<Long, Long> counts = new HashMap<>();
    for (long[] row :
        database.read(
            "count items of the collections of user " + userId,
            c ->
                Jdbc.query(
                    c,
                    """
                    SELECT ci.collection_id, COUNT(*) AS items FROM collection_items ci
                    JOIN collections k ON k.id = ci.collection_id
                    WHERE k.user_id = ? GROUP BY ci.collection_id
                    """,
                    row -> new long[] {row.getLong("collection_id"), row.getLong("items")},
                    userId))) {
      counts.put(row[0], row[1]);
    }
    return counts;
  }

  /** Those of {@code ids} that name no item, in the order given. */
  public List<Long> missing(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Set<Long> found = new HashSet<>();
    new ItemSummaryStore(database).summaries(ids).forEach(summary -> found.add(summary.id()));
    return ids.stream().filter(id -> !found.contains(id)).toList();
  }
}
