package io.suasor.server.auth;

import io.suasor.media.model.Role;
import java.time.Instant;

/**
 * The account a request acts as, as the API shows it. Accounts are kept by the media domain's
 * {@link io.suasor.media.store.UserStore}; this is the part of one that access checks and the
 * account routes need.
 */
public record User(long id, String name, Role role, boolean active, Instant createdAt) {
  public static User of(io.suasor.media.model.User account) {
    return new User(
        account.id(), account.username(), account.role(), account.active(), account.createdAt());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
