package io.suasor.media.model;

import java.time.Instant;

public record User(
    long id,
    String username,
    String email,
    Role role,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {}
