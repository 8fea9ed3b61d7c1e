package io.suasor.media.model;

import java.time.Instant;

public record Notification(
    long id,
    long userId,
    String kind,
    String title,
    String message,
    Long itemId,
    boolean read,
    Instant createdAt,
    Instant expiresAt) {}
