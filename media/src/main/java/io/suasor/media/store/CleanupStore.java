package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.time.Instant;
import java.util.List;

/** The queries and writes of library cleanup: duplicates, orphans and invalid references. */
public final class CleanupStore {
  private final Database database;

  public CleanupStore(Database database) {
    this.database = database;
  }

  /** A group of items that are the same thing; the lowest id is kept. */
  public record DuplicateGroup(long keeper, List<Long> duplicates) {}

  /**
   * Groups of items of the given types that share an external id (same provider, same type) or a
   * match key (same normalised title and year, or same place under the same parent).
   */
  public List<DuplicateGroup> duplicates(List<String> types) {
    String in = String.join(", ", java.util.Collections.nCopies(types.size(), "?"));
    Object[] params = new Object[types.size() * 2];
    for (int i = 0; i < types.size(); i++) {
      params[i] = types.get(i);
      params[types.size() + i] = types.get(i);
    }
    return database.read(
        "find duplicates",
        c -> {
          List<String> groups =
              Jdbc.query(
                  c,
                  "SELECT i.type || '|' || e.provider || '|' || e.external_id AS k"
                      + " FROM item_external_ids e JOIN media_items i ON i.id = e.item_id"
                      + " WHERE i.type IN ("
                      + in
                      + ") GROUP BY i.type, e.provider, e.external_id HAVING COUNT(*) > 1"
                      + " UNION SELECT 'key|' || match_key AS k FROM media_items WHERE type IN ("
                      + in
                      + ") GROUP BY match_key HAVING COUNT(*) > 1",
                  row -> row.getString("k"),
                  params);
          List<DuplicateGroup> result = new java.util.ArrayList<>();
          for (String group : groups) {
            List<Long> ids;
            if (group.startsWith("key|")) {
              ids =
                  Jdbc.query(
                      c,
                      "SELECT id FROM media_items WHERE match_key = ? ORDER BY id",
                      row -> row.getLong("id"),
                      group.substring(4));
            } else {
              String[] parts = group.split("\\|", 3);
              ids =
                  Jdbc.query(
                      c,
                      """
                      SELECT i.id FROM item_external_ids e JOIN media_items i ON i.id = e.item_id
                      WHERE i.type = ? AND e.provider = ? AND e.external_id = ? ORDER BY i.id
                      """,
                      row -> row.getLong("id"),
                      parts[0],
                      parts[1],
                      parts[2]);
            }
            if (ids.size() > 1) {
              result.add(new DuplicateGroup(ids.get(0), ids.subList(1, ids.size())));
            }
          }
          return result;
        });
  }

  /**
   * Merges each duplicate into its keeper, one transaction per group; returns how many items were
   * merged away. A duplicate already merged through another group is skipped.
   */
  public int merge(DuplicateGroup group, Instant now) {
    return database.inTransaction(
        "merge duplicates of item " + group.keeper(),
        c -> {
          if (!exists(c, group.keeper())) {
            return 0;
          }
          int merged = 0;
          for (long duplicate : group.duplicates()) {
            if (exists(c, duplicate)) {
              ItemMerger.merge(c, group.keeper(), duplicate, now);
              merged++;
            }
          }
          return merged;
        });
  }

  /** Items that no source references any more, at most {@code limit}. */
  public List<Long> orphans(int limit) {
    return database.read(
        "find orphaned items",
        c ->
            Jdbc.query(
                c,
                """
                SELECT id FROM media_items i
                WHERE NOT EXISTS (SELECT 1 FROM item_refs r WHERE r.item_id = i.id)
                ORDER BY id LIMIT ?
                """,
                row -> row.getLong("id"),
                limit));
  }

  public int deleteItems(List<Long> ids) {
    return database.inTransaction(
        "delete " + ids.size() + " items",
        c -> {
          int deleted = 0;
          for (long id : ids) {
            deleted += Jdbc.update(c, "DELETE FROM media_items WHERE id = ?", id);
          }
          return deleted;
        });
  }

  /**
   * Gives episodes that lost their season or series the ones their numbers and other link point to;
   * returns how many were relinked.
   */
  public int relinkEpisodes(Instant now) {
    return database.inTransaction(
        "relink episodes",
        c -> {
          int relinked =
              Jdbc.update(
                  c,
                  """
                  UPDATE media_items SET series_id = (
                      SELECT s.parent_id FROM media_items s WHERE s.id = media_items.parent_id),
                      updated_at = ?
                  WHERE type = 'episode' AND series_id IS NULL AND parent_id IS NOT NULL
                    AND EXISTS (SELECT 1 FROM media_items s
                                WHERE s.id = media_items.parent_id AND s.parent_id IS NOT NULL)
                  """,
                  now);
          relinked +=
              Jdbc.update(
                  c,
                  """
                  UPDATE media_items SET parent_id = (
                      SELECT MIN(s.id) FROM media_items s
                      WHERE s.type = 'season' AND s.parent_id = media_items.series_id
                        AND s.season_number = media_items.season_number),
                      updated_at = ?
                  WHERE type = 'episode' AND parent_id IS NULL AND series_id IS NOT NULL
                    AND EXISTS (SELECT 1 FROM media_items s
                                WHERE s.type = 'season' AND s.parent_id = media_items.series_id
                                  AND s.season_number = media_items.season_number)
                  """,
                  now);
          return relinked;
        });
  }

  /** Seasons, episodes, albums and tracks left without the parent they need, at most limit. */
  public List<Long> itemsMissingParents(int limit) {
    return database.read(
        "find items missing their parent",
        c ->
            Jdbc.query(
                c,
                """
                SELECT id FROM media_items
                WHERE (type IN ('season', 'episode', 'album', 'track') AND parent_id IS NULL)
                   OR (type = 'episode' AND series_id IS NULL)
                ORDER BY id LIMIT ?
                """,
                row -> row.getLong("id"),
                limit));
  }

  /** Deletes, in batches, users' data and plays of items that no longer exist: {data, plays}. */
  public long[] deleteDataOfRemovedItems(int batchSize) {
    long data =
        Pruning.inBatches(
            database,
            "delete user data of removed items",
            """
            DELETE FROM user_item_data WHERE (user_id, item_id) IN (
                SELECT user_id, item_id FROM user_item_data d
                WHERE NOT EXISTS (SELECT 1 FROM media_items i WHERE i.id = d.item_id)
                LIMIT ?)
            """,
            batchSize);
    long plays =
        Pruning.inBatches(
            database,
            "delete plays of removed items",
            """
            DELETE FROM play_history WHERE id IN (
                SELECT id FROM play_history p
                WHERE NOT EXISTS (SELECT 1 FROM media_items i WHERE i.id = p.item_id)
                LIMIT ?)
            """,
            batchSize);
    return new long[] {data, plays};
  }

  private static boolean exists(java.sql.Connection c, long id) throws java.sql.SQLException {
    return Jdbc.queryOne(c, "SELECT id FROM media_items WHERE id = ?", row -> row.getLong("id"), id)
        .isPresent();
  }
}
