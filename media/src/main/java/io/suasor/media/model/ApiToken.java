package io.suasor.media.model;

import java.time.Instant;

/** An API token as stored: only its hash, never the token itself. */
public record ApiToken(
    long id,
    long userId,
    String name,
    String tokenHash,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt) {

  public boolean isValidAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }
}
