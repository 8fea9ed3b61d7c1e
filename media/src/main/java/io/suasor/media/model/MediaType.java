package io.suasor.media.model;

import java.util.Locale;

/** The seven kinds of media item, with the kind each one hangs under. */
public enum MediaType {
  MOVIE,
  SERIES,
  SEASON,
  EPISODE,
  ARTIST,
  ALBUM,
  TRACK;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MediaType of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
