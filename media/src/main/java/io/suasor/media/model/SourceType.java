package io.suasor.media.model;

import java.util.Locale;

/** The kinds of media source a user can connect (the original's "clients"). */
public enum SourceType {
  LOCAL,
  JELLYFIN,
  EMBY,
  PLEX,
  SUBSONIC;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SourceType of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
