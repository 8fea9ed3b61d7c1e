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
            boolean finished = play.playedPercentage() >= 100;
            WatchState watch = new WatchState(play.playCount(), play.playedAt(), finished, null);
            // A play is a fact that adds up; an unfinished one says nothing of the played state.
            OwnerData.Reported reported =
                new OwnerData.Reported(finished ? null : false, null, null);
            OwnerData.Applied applied =
                OwnerData.apply(c, ownerId, itemId, sourceId, watch, reported, now);
            written[0] += applied.dataWritten();
            written[1] += applied.playsRecorded();
          }
          return written;
        });
  }

  /**
   * Applies a source's list of favourites (each with when it became one, where the source says) to
   * the owner's data: each of the source's items is a favourite there or not, weighed against what
   * the source said last time as a sync does; returns {favourites changed, conflicts}.
   */
  public int[] applyFavorites(
      long sourceId,
      long ownerId,
      Map<String, Instant> favorites,
      Map<String, RefStore.RefState> states,
      ScanProblems problems,
      Instant now) {
    for (String id : favorites.keySet()) {
      if (!states.containsKey(id)) {
        problems.report(id, "favourite of an item that is not synced yet");
      }
    }
    return database.inTransaction(
        "apply favourites of source " + sourceId,
        c -> {
          int[] result = new int[2];
          for (Map.Entry<String, RefStore.RefState> entry : states.entrySet()) {
            RefStore.RefState state = entry.getValue();
            boolean said = favorites.containsKey(entry.getKey());
            if (state.sourceFavorite() != null && state.sourceFavorite() == said) {
              continue;
            }
            int[] applied =
                OwnerData.applyFavorite(
                    c,
                    ownerId,
                    state.itemId(),
                    said,
                    favorites.get(entry.getKey()),
                    new OwnerData.Reported(
                        state.sourcePlayed(),
                        state.sourceFavorite(),
                        state.syncedAt(),
                        state.sourceFavoriteAt()),
                    now);
            result[0] += applied[0];
            result[1] += applied[1];
            reported(c, sourceId, entry.getKey(), WriteBack.FAVORITE, said, now);
          }
          return result;
        });
  }

  /** Which owner state a write-back carries to a source. */
  public enum WriteBack {
    FAVORITE("source_favorite", "source_favorite_at", "d.favorite"),
    PLAYED("source_played", null, "d.played_percentage >= 100");

    private final String column;

    /** Since when the source holds its state; null where that is not kept. */
    private final String sinceColumn;

    private final String state;

    WriteBack(String column, String sinceColumn, String state) {
      this.column = column;
      this.sinceColumn = sinceColumn;
      this.state = state;
    }
  }

  /** An item whose state in Suasor the source does not have yet. */
  public record Pending(String sourceItemId, boolean value) {}

  /**
   * The items of a source whose owner's state differs from what the source last said: changed in
   * Suasor or through another source, to be written to this one.
   */
  public List<Pending> pending(long sourceId, long ownerId, WriteBack kind) {
    return database.read(
        "find "
            + kind.name().toLowerCase(java.util.Locale.ROOT)
            + " changes for source "
            + sourceId,
        c ->
            Jdbc.query(
                c,
                """
                SELECT r.source_item_id, (%s) AS wanted
                FROM item_refs r JOIN user_item_data d ON d.item_id = r.item_id AND d.user_id = ?
                WHERE r.source_id = ? AND r.%s IS NOT NULL AND r.%s <> (%s)
                ORDER BY r.source_item_id
                """
                    .formatted(kind.state, kind.column, kind.column, kind.state),
                row -> new Pending(row.getString("source_item_id"), row.getBoolean("wanted")),
                ownerId,
                sourceId));
  }

  /** Records that a source holds {@code value} since {@code at}, when it was written there. */
  public void wroteBack(
      long sourceId, String sourceItemId, WriteBack kind, boolean value, Instant at) {
    // The fingerprint described the item as the source held it before: cleared, so that a later
    // change back to that state is not taken for "unchanged" and skipped.
    database.write(
        "record a write-back to source " + sourceId,
        c -> {
          reported(c, sourceId, sourceItemId, kind, value, at);
          return Jdbc.update(
              c,
              "UPDATE item_refs SET fingerprint = '' WHERE source_id = ? AND source_item_id = ?",
              sourceId,
              sourceItemId);
        });
  }

  /** Records what a source says, or was told, and since when where that is kept. */
  private static int reported(
      Connection c, long sourceId, String sourceItemId, WriteBack kind, boolean value, Instant at)
      throws SQLException {
    if (kind.sinceColumn == null) {
      return Jdbc.update(
          c,
          "UPDATE item_refs SET %s = ? WHERE source_id = ? AND source_item_id = ?"
              .formatted(kind.column),
          value,
          sourceId,
          sourceItemId);
    }
    // Both dialects read the row's old values on the right of SET: a state held already keeps
    // the time it began.
    return Jdbc.update(
        c,
        """
        UPDATE item_refs SET %1$s = ?,
            %2$s = CASE WHEN %1$s = ? THEN %2$s ELSE ? END
        WHERE source_id = ? AND source_item_id = ?
        """
            .formatted(kind.column, kind.sinceColumn),
        value,
        value,
        at,
        sourceId,
        sourceItemId);
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
