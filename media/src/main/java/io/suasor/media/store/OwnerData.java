package io.suasor.media.store;

import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.WatchState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Applies what a source knows of its owner's viewing to the owner's item data and play history,
 * without ever lowering what Suasor already knows (a higher play count, a later play), and writing
 * nothing when nothing changes.
 */
final class OwnerData {
  private OwnerData() {}

  /** What was written: item data rows and new plays. */
  record Applied(int dataWritten, int playsRecorded) {
    static final Applied NOTHING = new Applied(0, 0);
  }

  static Applied apply(
      Connection c, long userId, long itemId, Long sourceId, WatchState watch, Instant now)
      throws SQLException {
    if (watch == null || watch.isEmpty()) {
      return Applied.NOTHING;
    }
    UserItemData current =
        UserDataStore.get(c, userId, itemId).orElse(UserItemData.empty(userId, itemId, now));
    Instant lastPlayed = current.lastPlayedAt();
    if (watch.lastPlayed() != null
        && (lastPlayed == null || watch.lastPlayed().isAfter(lastPlayed))) {
      lastPlayed = watch.lastPlayed();
    }
    UserItemData next =
        new UserItemData(
            userId,
            itemId,
            Math.max(current.playCount(), watch.playCount()),
            lastPlayed,
            watch.watched() ? 100 : current.playedPercentage(),
            current.favorite(),
            watch.userRating() != null ? watch.userRating() : current.rating(),
            current.watchlist(),
            now);
    int written = sameState(current, next) ? 0 : UserDataStore.save(c, next);
    int plays = 0;
    if (watch.lastPlayed() != null
        && UserDataStore.recordPlay(
            c,
            new PlayEvent(
                userId, itemId, watch.lastPlayed(), watch.watched() ? 100 : 0, sourceId))) {
      plays = 1;
    }
    return new Applied(written, plays);
  }

  /** Marks an item a favourite of the user; returns whether that changed anything. */
  static boolean markFavorite(Connection c, long userId, long itemId, Instant now)
      throws SQLException {
    UserItemData current =
        UserDataStore.get(c, userId, itemId).orElse(UserItemData.empty(userId, itemId, now));
    if (current.favorite()) {
      return false;
    }
    UserDataStore.save(
        c,
        new UserItemData(
            userId,
            itemId,
            current.playCount(),
            current.lastPlayedAt(),
            current.playedPercentage(),
            true,
            current.rating(),
            current.watchlist(),
            now));
    return true;
  }

  static boolean sameState(UserItemData a, UserItemData b) {
    return a.playCount() == b.playCount()
        && java.util.Objects.equals(a.lastPlayedAt(), b.lastPlayedAt())
        && a.playedPercentage() == b.playedPercentage()
        && a.favorite() == b.favorite()
        && java.util.Objects.equals(a.rating(), b.rating())
        && a.watchlist() == b.watchlist();
  }
}
