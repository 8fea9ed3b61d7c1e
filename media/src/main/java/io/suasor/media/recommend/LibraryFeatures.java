package io.suasor.media.recommend;

import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.util.Arrays;

/**
 * The library as the built-in recommender sees it during one run, loaded once and shared by every
 * user of the run: the titles it may recommend (movies, series, albums, artists; "candidates",
 * numbered 0..size-1) with their genres, people, year, rating and popularity in compact arrays, an
 * inverted index from each genre and person to the candidates that have it, and which candidate
 * each item of the library counts for (an episode for its series, a track for its album and
 * artist), so that a user's history maps onto candidates without loading items.
 */
final class LibraryFeatures {
  /** What each candidate's count of players is raised by, so that no title has no chance. */
  static final double POPULARITY_SMOOTHING = 1;

  /** Decade slots are year / 10; years from 1 to 2999 have one. */
  static final int DECADE_SLOTS = 300;

  /** The dictionary kind of genres; people are kept under their role's name. */
  static final String GENRE = "genre";

  final int size;
  final long[] itemIds;
  final MediaType[] types;
  final String[] titles;

  /** 0 when unknown. */
  final int[] years;

  /** NaN when unknown. */
  final double[] ratings;

  final int[][] genres;
  final int[][] people;

  /** The candidate of an album's artist, the artist's own for an artist, -1 for the rest. */
  final int[] artistOf;

  /** How many users played it (any part of it). */
  final int[] popularity;

  final Dictionary genreNames;
  final Dictionary peopleNames;
  final int[][] genrePostings;
  final int[][] personPostings;

  /** Candidates someone played or that have a rating: most played first, then best rated. */
  final int[] popularFirst;

  /**
   * The log of each candidate's share of its kind's plays, smoothed so that a title nobody played
   * yet keeps a chance: ln((users + 1) / (plays of the kind + titles of the kind)).
   */
  final double[] logPopularity;

  /** How many candidates are of each decade slot. */
  final int[] decadeCounts;

  /**
   * How many candidates of each kind ({@code MediaType} ordinal) there are, and with each genre.
   */
  final int[] kindCounts;

  final int[][] kindGenreCounts;

  /** Who played what, for the titles popular among a user's neighbours. */
  final CoPlays coPlays;

  private final ItemOwners owners;

  LibraryFeatures(
      Candidates candidates,
      Dictionary genreNames,
      Dictionary peopleNames,
      ItemOwners owners,
      CoPlays coPlays) {
    this.size = candidates.size;
    this.itemIds = candidates.itemIds;
    this.types = candidates.types;
    this.titles = candidates.titles;
    this.years = candidates.years;
    this.ratings = candidates.ratings;
    this.genres = candidates.genres;
    this.people = candidates.people;
    this.artistOf = candidates.artistOf;
    this.popularity = candidates.popularity;
    this.genreNames = genreNames;
    this.peopleNames = peopleNames;
    this.owners = owners;
    this.coPlays = coPlays;
    this.genrePostings = postings(genres, genreNames.size());
    this.personPostings = postings(people, peopleNames.size());
    this.popularFirst = popularFirst();
    this.logPopularity = logPopularity();
    this.decadeCounts = new int[DECADE_SLOTS];
    this.kindCounts = new int[MediaType.values().length];
    this.kindGenreCounts = new int[MediaType.values().length][genreNames.size()];
    for (int c = 0; c < size; c++) {
      if (decade(c) >= 0) {
        decadeCounts[decade(c)]++;
      }
      kindCounts[types[c].ordinal()]++;
      for (int genre : genres[c]) {
        kindGenreCounts[types[c].ordinal()][genre]++;
      }
    }
  }

  /** The candidate arrays while they are filled; {@link LibraryLoader} owns one per load. */
  static final class Candidates {
    int size;
    long[] itemIds = new long[0];
    MediaType[] types = new MediaType[0];
    String[] titles = new String[0];
    int[] years = new int[0];
    double[] ratings = new double[0];
    int[][] genres = new int[0][];
    int[][] people = new int[0][];
    int[] artistOf = new int[0];
    int[] popularity = new int[0];

    int add(long itemId, MediaType type, String title, int year, double rating) {
      if (size == itemIds.length) {
        int capacity = Math.max(1024, size * 2);
        itemIds = Arrays.copyOf(itemIds, capacity);
        types = Arrays.copyOf(types, capacity);
        titles = Arrays.copyOf(titles, capacity);
        years = Arrays.copyOf(years, capacity);
        ratings = Arrays.copyOf(ratings, capacity);
        genres = Arrays.copyOf(genres, capacity);
        people = Arrays.copyOf(people, capacity);
        artistOf = Arrays.copyOf(artistOf, capacity);
        popularity = Arrays.copyOf(popularity, capacity);
      }
      int index = size++;
      itemIds[index] = itemId;
      types[index] = type;
      titles[index] = title;
      years[index] = year;
      ratings[index] = rating;
      genres[index] = NONE;
      people[index] = NONE;
      artistOf[index] = type == MediaType.ARTIST ? index : -1;
      return index;
    }

    static int[] with(int[] values, int value) {
      for (int v : values) {
        if (v == value) {
          return values;
        }
      }
      int[] grown = Arrays.copyOf(values, values.length + 1);
      grown[values.length] = value;
      return grown;
    }

    private static final int[] NONE = new int[0];
  }

  /** The candidate an item of the library counts for, or -1 (an item outside any candidate). */
  int candidateOf(long itemId) {
    return owners.candidateOf(itemId);
  }

  /** The artist candidate a track or album counts for besides its album, or -1. */
  int artistOfItem(long itemId) {
    return owners.artistOf(itemId);
  }

  /**
   * The candidate's {@link #logPopularity} without one of its players: how popular it was before a
   * user whose play of it is held out played it (their one play of the kind's many is left in the
   * kind's total).
   */
  double logPopularityBefore(int candidate) {
    int players = popularity[candidate];
    return players == 0
        ? logPopularity[candidate]
        : logPopularity[candidate]
            + Math.log((players - 1 + POPULARITY_SMOOTHING) / (players + POPULARITY_SMOOTHING));
  }

  /** Which decade a candidate is from, as year / 10 (199 for the 1990s); -1 when unknown. */
  int decade(int candidate) {
    return years[candidate] > 0 && years[candidate] / 10 < DECADE_SLOTS
        ? years[candidate] / 10
        : -1;
  }

  CreditRole role(int person) {
    return CreditRole.of(peopleNames.kind(person));
  }

  boolean isVideo(int candidate) {
    return types[candidate] == MediaType.MOVIE || types[candidate] == MediaType.SERIES;
  }

  private int[][] postings(int[][] features, int count) {
    int[] lengths = new int[count];
    for (int c = 0; c < size; c++) {
      for (int feature : features[c]) {
        lengths[feature]++;
      }
    }
    int[][] postings = new int[count][];
    for (int f = 0; f < count; f++) {
      postings[f] = new int[lengths[f]];
    }
    int[] filled = new int[count];
    for (int c = 0; c < size; c++) {
      for (int feature : features[c]) {
        postings[feature][filled[feature]++] = c;
      }
    }
    return postings;
  }

  private double[] logPopularity() {
    int kinds = MediaType.values().length;
    double[] plays = new double[kinds];
    double[] titles = new double[kinds];
    for (int c = 0; c < size; c++) {
      plays[types[c].ordinal()] += popularity[c];
      titles[types[c].ordinal()]++;
    }
    double[] logs = new double[size];
    for (int c = 0; c < size; c++) {
      int kind = types[c].ordinal();
      logs[c] =
          Math.log(
              (popularity[c] + POPULARITY_SMOOTHING)
                  / (plays[kind] + POPULARITY_SMOOTHING * titles[kind]));
    }
    return logs;
  }

  private int[] popularFirst() {
    return java.util.stream.IntStream.range(0, size)
        .filter(c -> popularity[c] > 0 || !Double.isNaN(ratings[c]))
        .boxed()
        .sorted(
            (a, b) -> {
              int byPlays = Integer.compare(popularity[b], popularity[a]);
              if (byPlays != 0) {
                return byPlays;
              }
              double ra = Double.isNaN(ratings[a]) ? -1 : ratings[a];
              double rb = Double.isNaN(ratings[b]) ? -1 : ratings[b];
              return Double.compare(rb, ra);
            })
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
