package io.suasor.media.model;

import java.time.Instant;

/** A user's collection; {@code rules} is the JSON rule set of a smart collection, else "{}". */
public record Collection(
    long id,
    long userId,
    String name,
    String description,
    CollectionKind kind,
    String rules,
    Instant createdAt,
    Instant updatedAt) {}
