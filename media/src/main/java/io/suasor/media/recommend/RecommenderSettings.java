package io.suasor.media.recommend;

import java.time.Duration;

/**
 * How the built-in recommender weighs a user's history and shapes their list.
 *
 * @param tasteHalfLife how fast a play stops counting: a play this long ago weighs half a play of
 *     today, one twice as long ago a quarter
 * @param ignoredAfter a recommendation the user did not view within this long counts as ignored
 * @param ignoredFor how long an ignored title stays out of the user's recommendations
 * @param timeToLive how long a recommendation stays valid ({@code expiresAt}) unless a later run
 *     recommends it again
 * @param maxGenreShare the share of a list (0–1) whose leading genre may be one genre, so that a
 *     list is not ten titles of one genre; yields only when the library has nothing else to offer
 * @param maxPerArtist how many albums of one artist (the artist itself counted) one list may hold
 * @param actorsPerItem how many of an item's actors, in billing order, count as its people
 */
public record RecommenderSettings(
    Duration tasteHalfLife,
    Duration ignoredAfter,
    Duration ignoredFor,
    Duration timeToLive,
    double maxGenreShare,
    int maxPerArtist,
    int actorsPerItem) {
  public static final Duration DEFAULT_TASTE_HALF_LIFE = Duration.ofDays(180);
  public static final Duration DEFAULT_IGNORED_AFTER = Duration.ofDays(7);
  public static final Duration DEFAULT_IGNORED_FOR = Duration.ofDays(30);
  public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofDays(7);
  public static final double DEFAULT_MAX_GENRE_SHARE = 0.4;
  public static final int DEFAULT_MAX_PER_ARTIST = 2;
  public static final int DEFAULT_ACTORS_PER_ITEM = 8;

  public RecommenderSettings {
    requirePositive("tasteHalfLife", tasteHalfLife);
    requirePositive("ignoredAfter", ignoredAfter);
    requirePositive("ignoredFor", ignoredFor);
    requirePositive("timeToLive", timeToLive);
    if (!(maxGenreShare > 0 && maxGenreShare <= 1)) {
      throw new IllegalArgumentException(
          "maxGenreShare must be above 0 and at most 1 (a share of the list), was "
              + maxGenreShare);
    }
    if (maxPerArtist < 1) {
      throw new IllegalArgumentException("maxPerArtist must be at least 1, was " + maxPerArtist);
    }
    if (actorsPerItem < 0) {
      throw new IllegalArgumentException(
          "actorsPerItem cannot be negative (0 leaves actors out), was " + actorsPerItem);
    }
  }

  public static RecommenderSettings defaults() {
    return new RecommenderSettings(
        DEFAULT_TASTE_HALF_LIFE,
        DEFAULT_IGNORED_AFTER,
        DEFAULT_IGNORED_FOR,
        DEFAULT_TIME_TO_LIVE,
        DEFAULT_MAX_GENRE_SHARE,
        DEFAULT_MAX_PER_ARTIST,
        DEFAULT_ACTORS_PER_ITEM);
  }

  /** These settings with another taste half-life, as a run that fitted one reads tastes with. */
  public RecommenderSettings withTasteHalfLife(Duration halfLife) {
    return new RecommenderSettings(
        halfLife, ignoredAfter, ignoredFor, timeToLive, maxGenreShare, maxPerArtist, actorsPerItem);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
  }
}
