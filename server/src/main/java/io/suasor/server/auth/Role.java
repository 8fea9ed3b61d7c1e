package io.suasor.server.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an account may do: an admin sees and does all; a user works on their own things. */
public enum Role {
  ADMIN,
  USER;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role fromValue(String value) {
    for (Role role : values()) {
      if (role.value().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + value + "'; use admin or user");
  }
}
