package io.suasor.media.maintenance;

import java.time.Duration;

/**
 * How long ended things are kept: runs after they ended; notifications, recommendations and tokens
 * after they expired. Pruning deletes {@code batchSize} rows per transaction.
 */
public record Retention(
    Duration runs,
    Duration notifications,
    Duration recommendations,
    Duration tokens,
    int batchSize) {

  public Retention {
    for (Duration d : new Duration[] {runs, notifications, recommendations, tokens}) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("retention periods cannot be negative, was " + d);
      }
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("retention batchSize must be positive, was " + batchSize);
    }
  }

  /**
   * Batches of 10,000 rows: pruning a million runs measured twice as fast as with 1,000 during a
   * burn-down (docs/SCALING.md, Pruning), and the deleted rows are ended runs no node touches.
   */
  public static Retention defaults() {
    return new Retention(
        Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(7), 10_000);
  }
}
