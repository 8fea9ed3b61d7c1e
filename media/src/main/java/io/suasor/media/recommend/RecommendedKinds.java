package io.suasor.media.recommend;

import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of title the recommender suggests (movies, series, albums, artists: never a season, an
 * episode or a track on its own) and how the other kinds map onto them.
 */
final class RecommendedKinds {
  private RecommendedKinds() {}

  static boolean isCandidate(MediaType type) {
    return switch (type) {
      case MOVIE, SERIES, ALBUM, ARTIST -> true;
      case SEASON, EPISODE, TRACK -> false;
    };
  }

  /** What a preference for {@code type} asks for: an episode is its series, a track its album. */
  static MediaType candidateKind(MediaType type) {
    return switch (type) {
      case MOVIE -> MediaType.MOVIE;
      case SERIES, SEASON, EPISODE -> MediaType.SERIES;
      case ALBUM, TRACK -> MediaType.ALBUM;
      case ARTIST -> MediaType.ARTIST;
    };
  }

  /** The kinds a user's preferences allow; all four when they chose no media types. */
  static Set<MediaType> wanted(JobPreferences preferences) {
    if (preferences.mediaTypes().isEmpty()) {
      return EnumSet.of(MediaType.MOVIE, MediaType.SERIES, MediaType.ALBUM, MediaType.ARTIST);
    }
    Set<MediaType> kinds = EnumSet.noneOf(MediaType.class);
    preferences.mediaTypes().forEach(type -> kinds.add(candidateKind(type)));
    return kinds;
  }
}
