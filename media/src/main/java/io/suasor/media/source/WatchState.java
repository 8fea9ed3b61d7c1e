package io.suasor.media.source;

import java.time.Instant;

/** What a source knows of its owner's viewing of an item. */
public record WatchState(int playCount, Instant lastPlayed, boolean watched, Double userRating) {
  public boolean isEmpty() {
    return playCount == 0 && lastPlayed == null && !watched && userRating == null;
  }
}
