package io.suasor.media.metadata;

import java.time.Duration;

/**
 * Which items a metadata refresh looks at: those not refreshed within {@code staleAfter}, at most
 * {@code limit} per run, items added within {@code recentlyAdded} first, then the most played; and
 * at most {@code tmdbRequestBudget} requests to TMDB per run (answers from its cache are free).
 */
public record RefreshSettings(
    Duration staleAfter, Duration recentlyAdded, int limit, int batchSize, int tmdbRequestBudget) {
  public RefreshSettings {
    if (staleAfter.isNegative()
        || recentlyAdded.isNegative()
        || limit <= 0
        || batchSize <= 0
        || tmdbRequestBudget < 0) {
      throw new IllegalArgumentException(
          "refresh settings need non-negative durations and budget and a positive limit and"
              + " batch size");
    }
  }

  public static RefreshSettings defaults() {
    return new RefreshSettings(Duration.ofDays(7), Duration.ofDays(7), 10_000, 200, 2_000);
  }
}
