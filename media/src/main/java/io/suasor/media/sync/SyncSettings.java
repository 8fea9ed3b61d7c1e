package io.suasor.media.sync;

import java.time.Duration;

/**
 * How a sync works: how many changed entries go into one transaction, and how often a media
 * server's catalogs are listed completely (which notices removals) rather than only what changed.
 */
public record SyncSettings(int batchSize, Duration completeListingEvery) {
  public static final int DEFAULT_BATCH_SIZE = 500;
  public static final Duration DEFAULT_COMPLETE_LISTING_EVERY = Duration.ofDays(1);

  public SyncSettings {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("sync batchSize must be positive, was " + batchSize);
    }
    if (completeListingEvery.isNegative()) {
      throw new IllegalArgumentException(
          "completeListingEvery must not be negative, was " + completeListingEvery);
    }
  }

  public static SyncSettings defaults() {
    return new SyncSettings(DEFAULT_BATCH_SIZE, DEFAULT_COMPLETE_LISTING_EVERY);
  }
}
