package io.suasor.media.source;

import java.time.Instant;

/**
 * What a source says of its owner's viewing of an item; a source that says nothing of it gives none
 * (null), since "not played" is a statement that can take a played state away.
 *
 * @param playCount plays the source counted
 * @param lastPlayed the last play, null when none or not known
 * @param watched whether the source calls it played
 * @param userRating the owner's rating on Suasor's 0–10 scale, null when none
 * @param favorite whether it is a favourite, null when the source keeps no favourites
 * @param resumePercent how far a started, unfinished play got (0–100), null when not known
 */
public record WatchState(
    int playCount,
    Instant lastPlayed,
    boolean watched,
    Double userRating,
    Boolean favorite,
    Double resumePercent) {

  /** A source that keeps play state and ratings but no favourites or resume points. */
  public WatchState(int playCount, Instant lastPlayed, boolean watched, Double userRating) {
    this(playCount, lastPlayed, watched, userRating, null, null);
  }
}
