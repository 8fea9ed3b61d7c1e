package io.suasor.media.store;

import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.NotificationPriority;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A notification to be made; see {@link io.suasor.media.model.Notification} for the fields. {@code
 * dedupeKey} is required: a user is told of each key once.
 */
public record NewNotification(
    String kind,
    NotificationPriority priority,
    String dedupeKey,
    String title,
    String message,
    Long itemId,
    int itemCount,
    MediaType mediaType,
    LocalDate releaseDate,
    Map<ExternalProvider, String> externalIds,
    Instant expiresAt) {
  public NewNotification {
    if (dedupeKey == null || dedupeKey.isBlank()) {
      throw new IllegalArgumentException("a notification needs the key of what it tells of");
    }
    externalIds = Map.copyOf(externalIds);
  }
}
