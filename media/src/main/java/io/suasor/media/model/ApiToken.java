package io.suasor.media.model;

import java.time.Instant;

/**
 * An API token's record. The token itself is never stored, only its hash, which never leaves the
 * store: {@code revokedAt} is null while the token works.
 */
public record ApiToken(
    long id, long userId, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {}
