package io.suasor.media.source;

/**
 * A connection to one media source. What it can do is the capability interfaces it implements:
 * {@link MovieSource}, {@link SeriesSource}, {@link MusicSource} (their catalogs), {@link
 * PlayHistorySource}, {@link FavoritesSource} (read and write), {@link PlayedStateSource} (write),
 * {@link PlaylistSource}.
 */
public interface SourceClient {
  /** The source's name in messages, e.g. "Jellyfin source 'Home' at http://nas:8096". */
  String describe();

  /**
   * Checks that the source can be used with its settings now: reaches it, signs in, and lists its
   * users and libraries. Throws, with a message that says what to change, when it cannot.
   */
  SourceCheck check();
}
