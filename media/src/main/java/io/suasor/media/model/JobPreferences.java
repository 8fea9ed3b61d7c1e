package io.suasor.media.model;

import java.time.Instant;
import java.util.List;

/** How a user wants the user-scoped jobs (recommendations, notifications) to treat them. */
public record JobPreferences(
    long userId,
    boolean recommendationsEnabled,
    boolean notificationsEnabled,
    int maxNotificationsPerDay,
    List<String> preferredGenres,
    List<String> excludedGenres,
    Instant updatedAt) {

  public static final int DEFAULT_MAX_NOTIFICATIONS_PER_DAY = 10;

  public JobPreferences {
    preferredGenres = List.copyOf(preferredGenres);
    excludedGenres = List.copyOf(excludedGenres);
  }

  public static JobPreferences defaults(long userId, Instant now) {
    return new JobPreferences(
        userId, true, true, DEFAULT_MAX_NOTIFICATIONS_PER_DAY, List.of(), List.of(), now);
  }
}
