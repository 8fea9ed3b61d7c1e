package io.suasor.media.notify;

import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's preferences applied to candidates: the media types they chose (an episode or a season
 * counts as its series, a track as its album, so choosing any of them chooses the whole), no
 * excluded genre, no rating under their minimum (an unknown rating passes), and for general films
 * one of their preferred genres when they named any. The wanted ones are ordered as a daily limit
 * should keep them: by priority, those with a preferred genre first, then the soonest release.
 */
final class PreferenceMatch {
  private final JobPreferences preferences;
  private final Set<String> excluded;
  private final Set<String> preferred;

  PreferenceMatch(JobPreferences preferences) {
    this.preferences = preferences;
    this.excluded = lowered(preferences.excludedGenres());
    this.preferred = lowered(preferences.preferredGenres());
  }

  boolean wants(Candidate candidate) {
    if (!wantsType(candidate.mediaType())) {
      return false;
    }
    Set<String> genres = lowered(candidate.genres());
    if (genres.stream().anyMatch(excluded::contains)) {
      return false;
    }
    Double min = preferences.minRating();
    if (min != null && candidate.rating() != null && candidate.rating() < min) {
      return false;
    }
    return !candidate.general() || preferred.isEmpty() || isPreferred(candidate);
  }

  Comparator<Candidate> order() {
    return Comparator.<Candidate, Integer>comparing(c -> c.note().priority().ordinal())
        .thenComparing(c -> !isPreferred(c))
        .thenComparing(c -> c.note().releaseDate(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(c -> c.note().dedupeKey());
  }

  private boolean isPreferred(Candidate candidate) {
    return candidate.genres().stream()
        .anyMatch(genre -> preferred.contains(genre.toLowerCase(Locale.ROOT)));
  }

  private boolean wantsType(MediaType type) {
    if (type == null) {
      return true;
    }
    return family(type).stream().anyMatch(preferences::wants);
  }

  private static List<MediaType> family(MediaType type) {
    return switch (type) {
      case SERIES, SEASON, EPISODE ->
          List.of(MediaType.SERIES, MediaType.SEASON, MediaType.EPISODE);
      case ARTIST, ALBUM, TRACK -> List.of(MediaType.ALBUM, MediaType.TRACK, MediaType.ARTIST);
      case MOVIE -> List.of(MediaType.MOVIE);
    };
  }

  private static Set<String> lowered(List<String> genres) {
    return genres.stream()
        .map(genre -> genre.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }
}
