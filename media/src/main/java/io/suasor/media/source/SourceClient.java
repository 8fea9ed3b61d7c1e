package io.suasor.media.source;

/**
 * A connection to one media source. What it can do is the capability interfaces it implements:
 * {@link MovieSource}, {@link SeriesSource}, {@link MusicSource}, {@link PlayHistorySource}, {@link
 * FavoritesSource}, {@link PlaylistSource}.
 */
public interface SourceClient {
  /** The source's name in messages. */
  String describe();
}
