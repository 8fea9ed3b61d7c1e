package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sums a {@link Taste} is made of while {@link TasteReader} adds a user's titles up: each
 * title's weight onto each of its genres, people and its decade, and how many titles of each kind
 * the user liked; then the shares, blended with the activity profile and preferred genres, and the
 * lifts against how often the library has each feature.
 */
final class TasteWeights {
  /**
   * Added to a genre's and a decade's shares, user's and library's, so that rare ones stay sane.
   */
  static final double SHARE_SMOOTHING = 0.02;

  /** Added to a person's count of titles, user's and chance's, so that rare ones stay sane. */
  static final double PERSON_SMOOTHING = 0.25;

  /** How many titles a taste known only from a profile counts as, for its people. */
  static final double PROFILE_TITLES = 10;

  /**
   * How many titles of the user's overall genre shares a kind's own shares are mixed with: a kind
   * with few liked titles leans on how the user chooses in general.
   */
  static final double KIND_SHRINKAGE = 5;

  static final int TOP_GENRES = 8;
  static final int TOP_PEOPLE = 40;

  private final LibraryFeatures library;
  private final double[] genres;
  private final double[][] kindGenres;
  private final double[] kindLiked = new double[MediaType.values().length];
  private final Map<Integer, Double> people = new HashMap<>();
  private final double[] decades = new double[LibraryFeatures.DECADE_SLOTS];
  private final double[] kinds = new double[MediaType.values().length];
  private double liked;
  private int likedTitles;

  TasteWeights(LibraryFeatures library) {
    this.library = library;
    this.genres = new double[library.genreNames.size()];
    this.kindGenres = new double[MediaType.values().length][library.genreNames.size()];
  }

  /** Adds a title the user liked ({@code weight} above 0) or disliked (below 0). */
  void addTitle(int candidate, double weight) {
    int kind = library.types[candidate].ordinal();
    for (int genre : library.genres[candidate]) {
      genres[genre] += weight;
      kindGenres[kind][genre] += weight;
    }
    for (int person : library.people[candidate]) {
      people.merge(person, weight, Double::sum);
    }
    int decade = library.decade(candidate);
    if (decade >= 0) {
      decades[decade] += weight;
    }
    if (weight > 0) {
      liked += weight;
      likedTitles++;
      kindLiked[kind] += weight;
      // Kinds count choices: a series of forty episodes is one title chosen, as a movie is.
      kinds[kind] += 1;
    }
  }

  /** Whether the user's own titles left anything liked. */
  boolean anyLiked() {
    return liked > 0;
  }

  /**
   * The taste's features: the user's shares (of their liked titles' weight; a person's in titles),
   * mixed with the profile's as {@code profilePart} of each feature it has, the preferred genres
   * added, and the lifts against the library.
   */
  Taste.Features features(ProfileShares profile, double profilePart, Iterable<String> preferred) {
    double[] genreShares = genreShares();
    double[] decadeShares = perTitle(decades, liked);
    double titles = Math.max(likedTitles, liked > 0 ? 1 : PROFILE_TITLES);
    Map<Integer, Double> personTitles = new HashMap<>();
    people.forEach(
        (person, weight) -> {
          if (weight > 0) {
            personTitles.put(person, weight / liked * likedTitles);
          }
        });
    double[] kindShares = perTitle(kinds, likedTitles);
    ProfileMix mix = new ProfileMix(library, profile, profilePart);
    mix.genres(genreShares);
    mix.decades(decadeShares);
    mix.people(personTitles, titles);
    mix.kinds(kindShares);
    for (String genre : preferred) {
      int id = library.genreNames.find(LibraryFeatures.GENRE, genre);
      if (id >= 0) {
        genreShares[id] += TasteReader.PREFERRED_GENRE_SEED;
      }
    }
    double[][] genreLifts = genreLifts(genreShares);
    double[] decadeLifts = new double[decadeShares.length];
    for (int d = 0; d < decadeShares.length; d++) {
      decadeLifts[d] =
          lift(decadeShares[d], (double) library.decadeCounts[d] / library.size, SHARE_SMOOTHING);
    }
    Map<Integer, Double> personLifts = new HashMap<>();
    personTitles.forEach(
        (person, count) -> {
          double chance = (double) library.personPostings[person].length / library.size * titles;
          // Every title brings its cast along: only a second title with a person is evidence.
          personLifts.put(person, lift(Math.max(0, count - 1), chance, PERSON_SMOOTHING));
        });
    return new Taste.Features(
        genreShares,
        genreLifts,
        topGenres(genreShares, genreLifts),
        personTitles,
        personLifts,
        strongest(personLifts.keySet().stream(), personLifts::get, TOP_PEOPLE),
        decadeShares,
        decadeLifts,
        kindShares);
  }

  /**
   * Per kind, each genre's share of the liked titles of that kind (shrunk towards the user's
   * overall share) against its share of the library's titles of that kind.
   */
  private double[][] genreLifts(double[] overall) {
    double[][] lifts = new double[kindGenres.length][overall.length];
    for (int kind = 0; kind < kindGenres.length; kind++) {
      if (library.kindCounts[kind] == 0) {
        continue;
      }
      double own = kinds[kind];
      for (int genre = 0; genre < overall.length; genre++) {
        double share =
            kindLiked[kind] > 0 ? Math.max(0, kindGenres[kind][genre]) / kindLiked[kind] : 0;
        double shrunk = (own * share + KIND_SHRINKAGE * overall[genre]) / (own + KIND_SHRINKAGE);
        double inLibrary = (double) library.kindGenreCounts[kind][genre] / library.kindCounts[kind];
        lifts[kind][genre] = lift(shrunk, inLibrary, SHARE_SMOOTHING);
      }
    }
    return lifts;
  }

  /** The genres the user has with a positive lift in some kind: each kind's strongest. */
  private int[] topGenres(double[] shares, double[][] lifts) {
    java.util.Set<Integer> top = new java.util.LinkedHashSet<>();
    for (double[] kindLifts : lifts) {
      for (int genre :
          strongest(
              IntStream.range(0, shares.length).filter(g -> shares[g] > 0).boxed(),
              g -> kindLifts[g],
              TOP_GENRES)) {
        top.add(genre);
      }
    }
    return top.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double lift(double mine, double chance, double smoothing) {
    return Math.log((mine + smoothing) / (chance + smoothing));
  }

  /** The ids with a positive lift, strongest first (equal ones by id), at most {@code count}. */
  private static int[] strongest(
      java.util.stream.Stream<Integer> ids,
      java.util.function.ToDoubleFunction<Integer> lift,
      int count) {
    return ids.filter(id -> lift.applyAsDouble(id) > 0)
        .sorted(
            Comparator.comparingDouble((Integer id) -> -lift.applyAsDouble(id))
                .thenComparing(id -> id))
        .limit(count)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * Each genre's share of the liked titles of the kinds that have it in the library: a music
   * genre's share of the music the user liked, not of everything.
   */
  private double[] genreShares() {
    double[] shares = new double[genres.length];
    for (int genre = 0; genre < genres.length; genre++) {
      double within = 0;
      for (int kind = 0; kind < kindLiked.length; kind++) {
        if (library.kindGenreCounts[kind][genre] > 0) {
          within += kindLiked[kind];
        }
      }
      shares[genre] = within > 0 ? Math.max(0, genres[genre]) / within : 0;
    }
    return shares;
  }

  /** Each sum per liked title (of {@code total}); what the user dislikes on balance counts 0. */
  private static double[] perTitle(double[] sums, double total) {
    double[] shares = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      shares[i] = total > 0 ? Math.max(0, sums[i]) / total : 0;
    }
    return shares;
  }
}
