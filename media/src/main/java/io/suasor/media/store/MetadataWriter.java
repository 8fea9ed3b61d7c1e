package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.Artwork;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The writes of a metadata refresh: which items are stale, and their refreshed metadata. */
public final class MetadataWriter {
  private final Database database;

  public MetadataWriter(Database database) {
    this.database = database;
  }

  /**
   * Items of {@code types} not refreshed since {@code staleBefore}: those added since {@code
   * recentSince} first (newest first), then the most played, then the oldest.
   */
  public List<Long> staleItems(
      Set<MediaType> types, Instant staleBefore, Instant recentSince, int limit) {
    if (types.isEmpty()) {
      return List.of();
    }
    String placeholders = String.join(", ", Collections.nCopies(types.size(), "?"));
    List<Object> params = new java.util.ArrayList<>();
    params.add(recentSince);
    types.forEach(type -> params.add(type.value()));
    params.add(staleBefore);
    params.add(limit);
    return database.read(
        "find stale items",
        c ->
            Jdbc.query(
                c,
                """
                SELECT i.id,
                       CASE WHEN i.added_at >= ? THEN i.added_at ELSE 0 END AS recent,
                       COALESCE(p.plays, 0) AS plays
                FROM media_items i
                LEFT JOIN (SELECT item_id, SUM(play_count) AS plays
                           FROM user_item_data GROUP BY item_id) p ON p.item_id = i.id
                WHERE i.type IN ("""
                    + placeholders
                    + """
                    )
                  AND (i.metadata_refreshed_at IS NULL OR i.metadata_refreshed_at < ?)
                ORDER BY recent DESC, plays DESC, i.id
                LIMIT ?
                """,
                row -> row.getLong("id"),
                params.toArray()));
  }

  /**
   * Items of {@code types} added or updated between {@code from} and {@code to} and not refreshed
   * since {@code from}: what one sync changed, in the order of {@link #staleItems}.
   */
  public List<Long> changedItems(Set<MediaType> types, Instant from, Instant to, int limit) {
    if (types.isEmpty()) {
      return List.of();
    }
    String placeholders = String.join(", ", Collections.nCopies(types.size(), "?"));
    List<Object> params = new java.util.ArrayList<>();
    types.forEach(type -> params.add(type.value()));
    params.add(from);
    params.add(to);
    params.add(from);
    params.add(to);
    params.add(from);
    params.add(limit);
    return database.read(
        "find changed items",
        c ->
            Jdbc.query(
                c,
                """
                SELECT i.id, i.added_at, COALESCE(p.plays, 0) AS plays
                FROM media_items i
                LEFT JOIN (SELECT item_id, SUM(play_count) AS plays
                           FROM user_item_data GROUP BY item_id) p ON p.item_id = i.id
                WHERE i.type IN ("""
                    + placeholders
                    + """
                    )
                  AND (i.added_at BETWEEN ? AND ? OR i.updated_at BETWEEN ? AND ?)
                  AND (i.metadata_refreshed_at IS NULL OR i.metadata_refreshed_at < ?)
                ORDER BY i.added_at DESC, plays DESC, i.id
                LIMIT ?
                """,
                row -> row.getLong("id"),
                params.toArray()));
  }

  public List<MediaItem> load(Collection<Long> ids) {
    return database.read(
        "load items",
        c -> {
          List<MediaItem> items = new java.util.ArrayList<>();
          for (long id : ids) {
            ItemStore.load(c, id).ifPresent(items::add);
          }
          return items;
        });
  }

  /**
   * Marks items refreshed at {@code now}, writing new metadata for those in {@code changes} that
   * differs from what is stored, and artwork that differs; returns the items that changed.
   */
  public List<MediaItem> apply(
      Collection<Long> checked,
      Map<Long, ItemMetadata> changes,
      Map<Long, Artwork> artwork,
      Instant now) {
    return database.inTransaction(
        "refresh metadata of " + checked.size() + " items",
        c -> {
          List<MediaItem> changed = new java.util.ArrayList<>();
          DetailsBatch details = new DetailsBatch();
          for (Map.Entry<Long, ItemMetadata> change : changes.entrySet()) {
            MediaItem item = ItemStore.load(c, change.getKey()).orElse(null);
            if (item == null) {
              continue;
            }
            boolean updated = false;
            if (!Canonical.same(item.metadata(), change.getValue())) {
              NewItem next =
                  new NewItem(
                      item.type(),
                      change.getValue(),
                      item.parentId(),
                      item.seriesId(),
                      item.numbering());
              ItemStore.updateMetadata(c, item.id(), next, now);
              details.add(item.id(), change.getValue());
              updated = true;
            }
            Artwork images = artwork.getOrDefault(item.id(), Artwork.NONE);
            if (!images.equals(Artwork.NONE)
                && !images.equals(ArtworkStore.load(c, item.id()).orElse(Artwork.NONE))) {
              ArtworkStore.save(c, item.id(), images);
              updated = true;
            }
            if (updated) {
              changed.add(item);
            }
          }
          details.flush(c);
          for (long id : checked) {
            ItemStore.markRefreshed(c, id, now);
          }
          return changed;
        });
  }
}
