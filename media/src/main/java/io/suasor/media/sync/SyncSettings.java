package io.suasor.media.sync;

/** How a sync writes: how many changed entries go into one transaction. */
public record SyncSettings(int batchSize) {
  public static final int DEFAULT_BATCH_SIZE = 500;

  public SyncSettings {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("sync batchSize must be positive, was " + batchSize);
    }
  }

  public static SyncSettings defaults() {
    return new SyncSettings(DEFAULT_BATCH_SIZE);
  }
}
