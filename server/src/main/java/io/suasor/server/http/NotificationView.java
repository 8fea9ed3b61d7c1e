package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.suasor.media.model.Notification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** A notification as the API answers it. */
record NotificationView(
    long id,
    String kind,
    String priority,
    String title,
    String message,
    Long itemId,
    int itemCount,
    String mediaType,
    LocalDate releaseDate,
    Map<String, String> externalIds,
    @JsonProperty("isRead") boolean isRead,
    Instant createdAt,
    Instant expiresAt) {

  static NotificationView of(Notification n) {
    Map<String, String> ids = new TreeMap<>();
    n.externalIds().forEach((provider, id) -> ids.put(provider.value(), id));
    return new NotificationView(
        n.id(),
        n.kind(),
        n.priority().value(),
        n.title(),
        n.message(),
        n.itemId(),
        n.itemCount(),
        n.mediaType() == null ? null : n.mediaType().value(),
        n.releaseDate(),
        ids,
        n.read(),
        n.createdAt(),
        n.expiresAt());
  }
}
