package io.suasor.server.auth;

import java.time.Instant;

/** An account that can hold API tokens. */
public record User(long id, String name, Role role, boolean active, Instant createdAt) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
