package io.suasor.server.auth;

import java.time.Instant;

/** A token's record; the token itself is never stored, only its hash. */
public record ApiToken(long id, long userId, String name, Instant createdAt, Instant revokedAt) {}
