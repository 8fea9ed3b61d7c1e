package io.suasor.media.recommend;

import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which candidates one user may be recommended: of the kinds their preferences want, rated at least
 * their minimum (a title without a rating is left out when they set one), of none of their excluded
 * genres, and not excluded for them (known, dismissed, ignored). Also says which candidates have
 * one of their preferred genres.
 */
final class CandidateFilter {
  private final LibraryFeatures library;
  private final Set<MediaType> kinds;
  private final Double minRating;
  private final boolean[] excludedGenres;
  private final boolean[] preferredGenres;
  private final BitSet excluded;
  private final Set<String> excludedGenreNames;

  CandidateFilter(LibraryFeatures library, JobPreferences preferences, BitSet excluded) {
    this.library = library;
    this.kinds = RecommendedKinds.wanted(preferences);
    this.minRating = preferences.minRating();
    this.excludedGenres = genres(library, preferences.excludedGenres());
    this.preferredGenres = genres(library, preferences.preferredGenres());
    this.excluded = excluded;
    this.excludedGenreNames =
        preferences.excludedGenres().stream()
            .map(name -> name.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
  }

  boolean allows(int candidate) {
    if (excluded.get(candidate) || !kinds.contains(library.types[candidate])) {
      return false;
    }
    if (minRating != null
        && (Double.isNaN(library.ratings[candidate]) || library.ratings[candidate] < minRating)) {
      return false;
    }
    for (int genre : library.genres[candidate]) {
      if (excludedGenres[genre]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a title outside the library may be recommended: of a wanted kind and none of the
   * excluded genres. Its rating is not known here, so the minimum rating cannot apply.
   */
  boolean allowsOutside(MediaType type, List<String> genres) {
    return kinds.contains(type)
        && genres.stream()
            .noneMatch(
                genre -> excludedGenreNames.contains(genre.strip().toLowerCase(Locale.ROOT)));
  }

  boolean preferred(int candidate) {
    for (int genre : library.genres[candidate]) {
      if (preferredGenres[genre]) {
        return true;
      }
    }
    return false;
  }

  private static boolean[] genres(LibraryFeatures library, Iterable<String> names) {
    boolean[] marked = new boolean[library.genreNames.size()];
    for (String name : names) {
      int id = library.genreNames.find(LibraryFeatures.GENRE, name);
      if (id >= 0) {
        marked[id] = true;
      }
    }
    return marked;
  }
}
