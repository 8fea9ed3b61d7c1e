package io.suasor.media.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * How a user wants the user-scoped jobs (activity analysis, recommendations, notifications) to
 * treat them. The recommender's key, a secret, is not part of this record: the user store keeps it
 * sealed and hands it only to the code that calls the provider.
 *
 * @param timeZone the zone the user's hours of the day and days of the week are counted in
 * @param recommender the built-in recommender or an AI chat API
 * @param recommenderUrl the AI API's base URL (e.g. {@code http://localhost:11434/v1}), null for
 *     the built-in one
 * @param recommenderModel the AI model's name, null for the built-in one
 * @param maxRecommendations how many recommendations a run keeps for the user
 * @param mediaTypes the media types to recommend and notify about; empty for all
 * @param minRating the lowest rating (0–10) a title may have to be suggested; null for any
 */
public record JobPreferences(
    long userId,
    ZoneId timeZone,
    boolean analysisEnabled,
    boolean recommendationsEnabled,
    Recommender recommender,
    String recommenderUrl,
    String recommenderModel,
    int maxRecommendations,
    boolean notificationsEnabled,
    int maxNotificationsPerDay,
    List<MediaType> mediaTypes,
    Double minRating,
    List<String> preferredGenres,
    List<String> excludedGenres,
    Instant updatedAt) {
  public static final int DEFAULT_MAX_NOTIFICATIONS_PER_DAY = 10;
  public static final int DEFAULT_MAX_RECOMMENDATIONS = 20;

  public JobPreferences {
    mediaTypes = List.copyOf(mediaTypes);
    preferredGenres = List.copyOf(preferredGenres);
    excludedGenres = List.copyOf(excludedGenres);
  }

  public static JobPreferences defaults(long userId, Instant now) {
    return new JobPreferences(
        userId,
        ZoneId.of("UTC"),
        true,
        true,
        Recommender.BUILTIN,
        null,
        null,
        DEFAULT_MAX_RECOMMENDATIONS,
        true,
        DEFAULT_MAX_NOTIFICATIONS_PER_DAY,
        List.of(),
        null,
        List.of(),
        List.of(),
        now);
  }

  /** Whether items of {@code type} are wanted (no types chosen means all). */
  public boolean wants(MediaType type) {
    return mediaTypes.isEmpty() || mediaTypes.contains(type);
  }
}
