package io.suasor.media.source;

import java.time.Instant;

/** A source that lets the owner's played state be changed, so a change in Suasor reaches it. */
public interface PlayedStateSource extends SourceClient {
  /** Marks an item played at {@code at}, or not played (then {@code at} is ignored). */
  void setPlayed(String sourceItemId, boolean played, Instant at);
}
