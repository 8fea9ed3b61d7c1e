package io.suasor.media.model;

import java.time.Instant;

/** A user's state for one item; one row per user and item. */
public record UserItemData(
    long userId,
    long itemId,
    int playCount,
    Instant lastPlayedAt,
    double playedPercentage,
    boolean favorite,
    Double rating,
    boolean watchlist,
    Instant updatedAt) {

  public static UserItemData empty(long userId, long itemId, Instant now) {
    return new UserItemData(userId, itemId, 0, null, 0, false, null, false, now);
  }

  /**
   * The state that keeps everything either side knows: the higher play count, the later play, the
   * favourite and watchlist flags of either, this side's rating unless it has none.
   */
  public UserItemData mergedWith(UserItemData other, Instant now) {
    Instant lastPlayed = lastPlayedAt;
    if (other.lastPlayedAt != null
        && (lastPlayed == null || other.lastPlayedAt.isAfter(lastPlayed))) {
      lastPlayed = other.lastPlayedAt;
    }
    return new UserItemData(
        userId,
        itemId,
        Math.max(playCount, other.playCount),
        lastPlayed,
        Math.max(playedPercentage, other.playedPercentage),
        favorite || other.favorite,
        rating != null ? rating : other.rating,
        watchlist || other.watchlist,
        now);
  }
}
