package io.suasor.media.notify;

import java.time.Duration;

/**
 * How new-release notifications look for news; {@link #defaults()} for the usual values.
 *
 * @param firstRunLookback how far back a user's first run looks for items new to their library
 * @param settleMargin how far before the user's watermark a run looks again, for items a sync was
 *     still writing when the previous run read; what it finds again is told only once (by key)
 * @param newItemExpiry how long a notification of new library items is shown
 * @param followWindow a series played within it is followed
 * @param maxFollowedSeries the most series per user whose episodes are looked up
 * @param releasesBack how many days back a release counts as just released
 * @param releasesAhead how many days ahead a release counts as upcoming
 * @param releaseShownAfter how many days after its release date a release's notification is shown
 */
public record NotificationSettings(
    Duration firstRunLookback,
    Duration settleMargin,
    Duration newItemExpiry,
    Duration followWindow,
    int maxFollowedSeries,
    int releasesBack,
    int releasesAhead,
    int releaseShownAfter) {
  public NotificationSettings {
    if (firstRunLookback.isNegative()
        || settleMargin.isNegative()
        || newItemExpiry.isNegative()
        || followWindow.isNegative()
        || maxFollowedSeries < 0
        || releasesBack < 0
        || releasesAhead < 0
        || releaseShownAfter < 0) {
      throw new IllegalArgumentException("notification settings may not be negative: " + this);
    }
  }

  public static NotificationSettings defaults() {
    return new NotificationSettings(
        Duration.ofDays(1),
        Duration.ofMinutes(10),
        Duration.ofDays(30),
        Duration.ofDays(90),
        50,
        7,
        14,
        7);
  }
}
