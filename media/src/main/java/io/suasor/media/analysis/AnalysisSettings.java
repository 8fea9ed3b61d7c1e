package io.suasor.media.analysis;

/**
 * How much of a user's history the activity analysis holds at once.
 *
 * @param historyPage plays read per page of a user's history
 * @param itemCache item summaries kept between pages (series, albums and artists come up again and
 *     again)
 */
public record AnalysisSettings(int historyPage, int itemCache) {
  public AnalysisSettings {
    if (historyPage < 1 || itemCache < 1) {
      throw new IllegalArgumentException(
          "the analysis needs a history page and an item cache of at least 1, was "
              + historyPage
              + " and "
              + itemCache);
    }
  }

  public static AnalysisSettings defaults() {
    return new AnalysisSettings(1_000, 5_000);
  }
}
