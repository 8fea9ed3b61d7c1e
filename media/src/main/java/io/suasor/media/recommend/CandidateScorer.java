package io.suasor.media.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Scores the candidates that share a genre or a person with a user's strongest ones, through the
 * library's inverted index, and keeps the best: a user's candidates are never all visited, and
 * never loaded as objects. Its work arrays are reused from user to user, so one scorer serves one
 * run on one thread.
 *
 * <p>A candidate's similarity is a weighted sum of three parts, each 0–1: the cosine between its
 * genres and the user's genre weights, the same for its people, and the weight of its decade. The
 * score multiplies it by how much the user goes for its kind of title (movies, series, albums,
 * artists) and a boost for a preferred genre, then adds a little for popularity and rating, which
 * only decide between otherwise equal titles.
 */
final class CandidateScorer {
  static final double GENRE_WEIGHT = 0.5;
  static final double PEOPLE_WEIGHT = 0.35;
  static final double DECADE_WEIGHT = 0.15;

  /** What the kind of title the user goes for least still counts, of the one they go for most. */
  static final double KIND_FLOOR = 0.5;

  static final double PREFERRED_GENRE_BOOST = 0.25;
  static final double POPULARITY_WEIGHT = 0.05;
  static final double RATING_WEIGHT = 0.03;

  /** A candidate with its score and its similarity to the user's taste (0–1). */
  record Scored(int candidate, double score, double similarity) {}

  /** Best first; equal scores in library order, so that a run's result never depends on chance. */
  static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::candidate);

  private final LibraryFeatures library;
  private final double[] genreHits;
  private final double[] peopleHits;
  private final int[] seenInRound;
  private final int[] touched;
  private int touchedCount;
  private int round;

  CandidateScorer(LibraryFeatures library) {
    this.library = library;
    this.genreHits = new double[library.size];
    this.peopleHits = new double[library.size];
    this.seenInRound = new int[library.size];
    this.touched = new int[library.size];
  }

  /** The {@code count} best candidates the filter allows, best first. */
  List<Scored> best(Taste taste, CandidateFilter filter, int count) {
    round++;
    touchedCount = 0;
    double genreNorm = taste.genreNorm();
    for (int genre : taste.topGenres) {
      double weight = taste.genre(genre) / genreNorm;
      for (int candidate : library.genrePostings[genre]) {
        touch(candidate);
        genreHits[candidate] += weight;
      }
    }
    double peopleNorm = taste.peopleNorm();
    for (int person : taste.topPeople) {
      double weight = taste.person(person) / peopleNorm;
      for (int candidate : library.personPostings[person]) {
        touch(candidate);
        peopleHits[candidate] += weight;
      }
    }
    double maxKind = 0;
    for (double share : taste.kinds) {
      maxKind = Math.max(maxKind, share);
    }
    PriorityQueue<Scored> kept = new PriorityQueue<>(BEST_FIRST.reversed());
    for (int i = 0; i < touchedCount; i++) {
      int candidate = touched[i];
      if (!filter.allows(candidate)) {
        continue;
      }
      double similarity = similarity(taste, candidate);
      double score = similarity * kindFactor(taste, candidate, maxKind);
      if (filter.preferred(candidate)) {
        score *= 1 + PREFERRED_GENRE_BOOST;
      }
      kept.add(new Scored(candidate, score + prior(candidate), similarity));
      if (kept.size() > count) {
        kept.poll();
      }
    }
    List<Scored> best = new ArrayList<>(kept);
    best.sort(BEST_FIRST);
    return best;
  }

  /**
   * For a user with nothing to match (no history, profile or preferred genre): the most played
   * titles of the library the filter allows, then the best rated.
   */
  List<Scored> popular(CandidateFilter filter, int count) {
    List<Scored> best = new ArrayList<>();
    for (int candidate : library.popularFirst) {
      if (best.size() == count) {
        break;
      }
      if (filter.allows(candidate)) {
        best.add(new Scored(candidate, prior(candidate), 0));
      }
    }
    return best;
  }

  private double similarity(Taste taste, int candidate) {
    int genres = library.genres[candidate].length;
    int people = library.people[candidate].length;
    double genre = genres == 0 ? 0 : genreHits[candidate] / Math.sqrt(genres);
    double person = people == 0 ? 0 : peopleHits[candidate] / Math.sqrt(people);
    double decade = taste.decade(library.decade(candidate));
    return GENRE_WEIGHT * genre + PEOPLE_WEIGHT * person + DECADE_WEIGHT * decade;
  }

  private double kindFactor(Taste taste, int candidate, double maxKind) {
    if (maxKind <= 0) {
      return 1;
    }
    double share = taste.kinds[library.types[candidate].ordinal()];
    return KIND_FLOOR + (1 - KIND_FLOOR) * share / maxKind;
  }

  private double prior(int candidate) {
    double prior = 0;
    if (library.maxPopularity > 0) {
      prior +=
          POPULARITY_WEIGHT
              * Math.log1p(library.popularity[candidate])
              / Math.log1p(library.maxPopularity);
    }
    double rating = library.ratings[candidate];
    if (!Double.isNaN(rating)) {
      prior += RATING_WEIGHT * Math.max(0, Math.min(10, rating)) / 10;
    }
    return prior;
  }

  private void touch(int candidate) {
    if (seenInRound[candidate] != round) {
      seenInRound[candidate] = round;
      genreHits[candidate] = 0;
      peopleHits[candidate] = 0;
      touched[touchedCount++] = candidate;
    }
  }
}
