package io.suasor.media.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A media source owned by a user. Its secrets (API keys, passwords) are deliberately not part of
 * this record, so that no serialisation of it can leak them; the source store hands them out only
 * to the code that connects to the source.
 */
public record MediaSource(
    long id,
    long userId,
    SourceType type,
    String name,
    String config,
    boolean enabled,
    Duration syncInterval,
    Instant lastSyncedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether the source should be synchronised at {@code now}. */
  public boolean isDue(Instant now) {
    return enabled && (lastSyncedAt == null || !lastSyncedAt.plus(syncInterval).isAfter(now));
  }
}
