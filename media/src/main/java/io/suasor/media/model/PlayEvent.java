package io.suasor.media.model;

import java.time.Instant;

/** One play of an item by a user; unique per user, item and instant, so re-imports add nothing. */
public record PlayEvent(
    long userId, long itemId, Instant playedAt, double playedPercentage, Long sourceId) {}
