package io.suasor.media.store;

import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.UserItemData;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Folds a duplicate item into the item it duplicates, inside the caller's transaction: the keeper
 * gains the duplicate's references, ids, genres, tags, credits, children, collection places, plays
 * and users' data (merged, nothing lost), and the duplicate is deleted.
 */
final class ItemMerger {
  private ItemMerger() {}

  static void merge(Connection c, long keeper, long duplicate, Instant now) throws SQLException {
    Jdbc.update(c, "UPDATE item_refs SET item_id = ? WHERE item_id = ?", keeper, duplicate);
    for (String copy :
        new String[] {
          """
          INSERT INTO item_external_ids (item_id, provider, external_id)
          SELECT ?, provider, external_id FROM item_external_ids WHERE item_id = ?
          ON CONFLICT DO NOTHING
          """,
          """
          INSERT INTO item_genres (item_id, genre)
          SELECT ?, genre FROM item_genres WHERE item_id = ?
          ON CONFLICT DO NOTHING
          """,
          """
          INSERT INTO item_tags (item_id, tag)
          SELECT ?, tag FROM item_tags WHERE item_id = ?
          ON CONFLICT DO NOTHING
          """,
          """
          INSERT INTO item_credits (item_id, person_id, role, role_name, sort_order)
          SELECT ?, person_id, role, role_name, sort_order FROM item_credits WHERE item_id = ?
          ON CONFLICT DO NOTHING
          """,
          """
          INSERT INTO collection_items (collection_id, item_id, position, added_at)
          SELECT collection_id, ?, position, added_at FROM collection_items WHERE item_id = ?
          ON CONFLICT DO NOTHING
          """
        }) {
      Jdbc.update(c, copy, keeper, duplicate);
    }
    mergeUserData(c, keeper, duplicate, now);
    Jdbc.update(
        c,
        """
        UPDATE play_history SET item_id = ?
        WHERE item_id = ? AND NOT EXISTS (
            SELECT 1 FROM play_history k
            WHERE k.item_id = ? AND k.user_id = play_history.user_id
              AND k.played_at = play_history.played_at)
        """,
        keeper,
        duplicate,
        keeper);
    Jdbc.update(c, "DELETE FROM play_history WHERE item_id = ?", duplicate);
    Jdbc.update(
        c,
        "UPDATE recommendations SET media_item_id = ? WHERE media_item_id = ?",
        keeper,
        duplicate);
    Jdbc.update(c, "UPDATE notifications SET item_id = ? WHERE item_id = ?", keeper, duplicate);
    reparent(c, keeper, duplicate, now);
    Jdbc.update(c, "DELETE FROM media_items WHERE id = ?", duplicate);
  }

  private static void mergeUserData(Connection c, long keeper, long duplicate, Instant now)
      throws SQLException {
    for (UserItemData theirs : UserDataStore.byItem(c, duplicate)) {
      Optional<UserItemData> ours = UserDataStore.get(c, theirs.userId(), keeper);
      UserItemData merged =
          ours.map(o -> o.mergedWith(theirs, now))
              .orElseGet(
                  () ->
                      new UserItemData(
                          theirs.userId(),
                          keeper,
                          theirs.playCount(),
                          theirs.lastPlayedAt(),
                          theirs.playedPercentage(),
                          theirs.favorite(),
                          theirs.rating(),
                          theirs.watchlist(),
                          now));
      UserDataStore.save(c, merged);
    }
    Jdbc.update(c, "DELETE FROM user_item_data WHERE item_id = ?", duplicate);
  }

  /** Moves the duplicate's children to the keeper; their match keys name the new parent. */
  private static void reparent(Connection c, long keeper, long duplicate, Instant now)
      throws SQLException {
    Jdbc.update(c, "UPDATE media_items SET parent_id = ? WHERE parent_id = ?", keeper, duplicate);
    Jdbc.update(c, "UPDATE media_items SET series_id = ? WHERE series_id = ?", keeper, duplicate);
    for (long child :
        Jdbc.query(
            c,
            "SELECT id FROM media_items WHERE parent_id = ? OR series_id = ?",
            row -> row.getLong("id"),
            keeper,
            keeper)) {
      rekey(c, child, now);
    }
  }

  /** Recomputes an item's match key from its current parent links; writes only when it changed. */
  static void rekey(Connection c, long id, Instant now) throws SQLException {
    Optional<MediaItem> item =
        Jdbc.queryOne(
            c,
            "SELECT " + ItemStore.COLUMNS + " FROM media_items WHERE id = ?",
            ItemStore::bareItem,
            id);
    if (item.isEmpty()) {
      return;
    }
    MediaItem i = item.get();
    String key =
        new NewItem(i.type(), i.metadata(), i.parentId(), i.seriesId(), i.numbering()).matchKey();
    if (!key.equals(i.matchKey())) {
      Jdbc.update(
          c, "UPDATE media_items SET match_key = ?, updated_at = ? WHERE id = ?", key, now, id);
    }
  }
}
