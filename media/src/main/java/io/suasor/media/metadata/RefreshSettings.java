package io.suasor.media.metadata;

import java.time.Duration;

/**
 * Which items a metadata refresh looks at: those not refreshed within {@code staleAfter}, at most
 * {@code limit} per run, items added within {@code recentlyAdded} first, then the most played.
 */
public record RefreshSettings(
    Duration staleAfter, Duration recentlyAdded, int limit, int batchSize) {
  public RefreshSettings {
    if (staleAfter.isNegative() || recentlyAdded.isNegative() || limit <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException(
          "refresh settings need non-negative durations and a positive limit and batch size");
    }
  }

  public static RefreshSettings defaults() {
    return new RefreshSettings(Duration.ofDays(7), Duration.ofDays(7), 10_000, 200);
  }
}
