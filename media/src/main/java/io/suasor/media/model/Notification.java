package io.suasor.media.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Something a user is told of.
 *
 * @param kind what it tells of, e.g. {@code library.new}, {@code release.episode}, {@code
 *     release.movie}
 * @param dedupeKey names the thing told of, unique per user; null for notifications that have none
 * @param itemId the library item it is about (a movie, or the series or album of grouped items)
 * @param itemCount how many library items it groups (a series' new episodes, an album's tracks)
 * @param mediaType the type of what it tells of, null when it is about nothing typed
 * @param releaseDate the date an announced release comes out, null for library items
 * @param externalIds an announced release's own ids, empty for library items
 */
public record Notification(
    long id,
    long userId,
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
    boolean read,
    Instant createdAt,
    Instant expiresAt) {
  public Notification {
    externalIds = Map.copyOf(externalIds);
  }
}
