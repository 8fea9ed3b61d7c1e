package io.suasor.media.analysis;

import java.time.Instant;
import java.util.List;

/**
 * A user's activity profile as stored in {@code activity_profiles.profile} and answered by {@code
 * GET /api/v1/users/me/activity}. Hours are hours spent; shares are fractions (0–1) of {@code
 * hoursTotal}; the lists hold the top ten by hours.
 *
 * @param hours hours spent in each hour of the day (0–23), in {@code timeZone}
 * @param weekdays hours spent on each day of the week, Monday first
 * @param heatmap hours spent per weekday (Monday first) and hour of the day
 * @param genres an item in two genres counts in both, so genre shares need not add up to one
 * @param people the same holds for people
 */
public record ActivityDocument(
    String timeZone,
    long plays,
    double hoursTotal,
    List<Double> hours,
    List<Double> weekdays,
    List<List<Double>> heatmap,
    List<GenreShare> genres,
    List<PersonShare> people,
    List<DecadeShare> decades,
    List<MediaTypeShare> mediaTypes,
    Binges binges,
    Completion completion,
    Sessions sessions,
    List<Favorite> favoriteSeries,
    List<Favorite> favoriteArtists,
    Trend trend) {

  public record GenreShare(String name, double share, double hours) {}

  /** {@code role} as stored: actor, director, writer, artist or composer. */
  public record PersonShare(String name, String role, double share, double hours) {}

  public record DecadeShare(int decade, double share, double hours) {}

  /** {@code type}: movie, episode, track, … */
  public record MediaTypeShare(String type, double share, double hours) {}

  /** Three or more episodes of one series close together; {@code longest} null when none. */
  public record Binges(int sessions, int episodes, Binge longest) {}

  public record Binge(long seriesId, String series, int episodes, Instant start) {}

  /** Items finished and items started and left; {@code rate} = finished ÷ both, 0 when none. */
  public record Completion(long finished, long abandoned, double rate) {}

  public record Sessions(long count, double averageMinutes) {}

  /** A series or an artist, by the library item that stands for it. */
  public record Favorite(long itemId, String title, double hours) {}

  /**
   * The change since the profile this one replaced; all zeros and no shifts when there was none.
   *
   * @param genreShifts genres whose share changed, the largest change first
   */
  public record Trend(
      Instant previousComputedAt,
      long playsChange,
      double hoursChange,
      List<GenreShift> genreShifts) {}

  public record GenreShift(String name, double change) {}
}
