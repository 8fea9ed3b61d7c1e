package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.CollectionKind;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourcePlay;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.WatchState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes what a source knows beyond its items: its owner's play history and favourites, and its
 * playlists (kept as the owner's manual collections named "source: playlist"). Each writes only
 * what differs from what is stored.
 */
public final class SourceDataWriter {
  private final Database database;

  public SourceDataWriter(Database database) {
    this.database = database;
  }

  /** Applies plays; returns {item data rows written, plays recorded}. */
  public int[] recordPlays(
      long sourceId,
      long ownerId,
      List<SourcePlay> plays,
      Map<String, Long> known,
      ScanProblems problems,
      Instant now) {
    return database.inTransaction(
        "record " + plays.size() + " plays of source " + sourceId,
        c -> {
          int[] written = new int[2];
          for (SourcePlay play : plays) {
            Long itemId = known.get(play.sourceItemId());
            if (itemId == null) {
              problems.report(play.sourceItemId(), "play of an item that is not synced yet");
              continue;
            }
            WatchState watch =
                new WatchState(
                    play.playCount(), play.playedAt(), play.playedPercentage() >= 100, null);
            OwnerData.Applied applied = OwnerData.apply(c, ownerId, itemId, sourceId, watch, now);
            written[0] += applied.dataWritten();
            written[1] += applied.playsRecorded();
          }
          return written;
        });
  }

  /** Marks the source's favourites as the owner's; returns how many changed. */
  public int importFavorites(
      long ownerId, Set<String> favorites, Map<String, Long> known, Instant now) {
    return database.inTransaction(
        "import favourites of user " + ownerId,
        c -> {
          int changed = 0;
          for (String id : favorites) {
            Long itemId = known.get(id);
            if (itemId != null && OwnerData.markFavorite(c, ownerId, itemId, now)) {
              changed++;
            }
          }
          return changed;
        });
  }

  /**
   * Makes the owner's collection for a playlist hold exactly its items; returns whether it changed.
   */
  public boolean syncPlaylist(
      String sourceName,
      long ownerId,
      SourcePlaylist playlist,
      Map<String, Long> known,
      ScanProblems problems,
      Instant now) {
    String name = sourceName + ": " + playlist.name();
    return database.inTransaction(
        "sync playlist " + name,
        c -> {
          List<Long> wanted = new ArrayList<>();
          for (String id : playlist.itemIds()) {
            Long itemId = known.get(id);
            if (itemId == null) {
              problems.report(playlist.id(), "entry not in the library: " + id);
            } else if (!wanted.contains(itemId)) {
              wanted.add(itemId);
            }
          }
          Optional<Long> existing =
              Jdbc.queryOne(
                  c,
                  "SELECT id FROM collections WHERE user_id = ? AND name = ?",
                  row -> row.getLong("id"),
                  ownerId,
                  name);
          long collectionId;
          if (existing.isPresent()) {
            collectionId = existing.get();
            if (items(c, collectionId).equals(wanted)) {
              return false;
            }
            Jdbc.update(c, "DELETE FROM collection_items WHERE collection_id = ?", collectionId);
            Jdbc.update(c, "UPDATE collections SET updated_at = ? WHERE id = ?", now, collectionId);
          } else {
            collectionId =
                Jdbc.queryOne(
                        c,
                        """
                        INSERT INTO collections (user_id, name, description, kind, rules,
                            created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """,
                        row -> row.getLong("id"),
                        ownerId,
                        name,
                        "Playlist " + playlist.id() + " of " + sourceName,
                        CollectionKind.MANUAL.value(),
                        "{}",
                        now,
                        now)
                    .orElseThrow();
          }
          int position = 0;
          for (long itemId : wanted) {
            Jdbc.update(
                c,
                """
                INSERT INTO collection_items (collection_id, item_id, position, added_at)
                VALUES (?, ?, ?, ?)
                """,
                collectionId,
                itemId,
                ++position,
                now);
          }
          return true;
        });
  }

  private static List<Long> items(Connection c, long collectionId) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT item_id FROM collection_items WHERE collection_id = ? ORDER BY position",
        row -> row.getLong("item_id"),
        collectionId);
  }
}
