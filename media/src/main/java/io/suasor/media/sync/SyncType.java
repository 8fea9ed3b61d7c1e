package io.suasor.media.sync;

import java.util.Locale;

/** The original's sync types: one kind of content, or {@code full} for all of them. */
public enum SyncType {
  MOVIES,
  SERIES,
  MUSIC,
  HISTORY,
  FAVORITES,
  COLLECTIONS,
  PLAYLISTS,
  FULL;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SyncType of(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown sync type '"
              + value
              + "': use movies, series, music, history, favorites, collections, playlists or full");
    }
  }

  /** Whether a sync of this type does the work of {@code part}. */
  public boolean includes(SyncType part) {
    return this == FULL || this == part;
  }
}
