package io.suasor.media.model;

import java.util.Locale;

public enum CreditRole {
  ACTOR,
  DIRECTOR,
  WRITER,
  ARTIST,
  COMPOSER;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CreditRole of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
