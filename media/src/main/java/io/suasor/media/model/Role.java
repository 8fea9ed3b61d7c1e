package io.suasor.media.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a user may do: an admin manages everyone's work, a user only their own. */
public enum Role {
  ADMIN,
  USER;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role of(String value) {
    for (Role role : values()) {
      if (role.value().equalsIgnoreCase(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + value + "'; use admin or user");
  }
}
