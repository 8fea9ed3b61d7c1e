package io.suasor.media.model;

import java.util.Locale;

/** What a user may do: an admin manages everyone's work, a user only their own. */
public enum Role {
  ADMIN,
  USER;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
