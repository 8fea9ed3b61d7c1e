package io.suasor.media.model;

import java.util.Locale;

/** A manual collection holds what its owner put in it; a smart one what its rules select. */
public enum CollectionKind {
  MANUAL,
  SMART;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CollectionKind of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
