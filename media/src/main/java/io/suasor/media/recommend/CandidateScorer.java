package io.suasor.media.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Scores the candidates that share a genre or a person with a user's strongest ones, through the
 * library's inverted index, together with the library's most played titles and those the user's
 * neighbours played ({@link CoPlays}), and keeps the best: a user's candidates are never all
 * visited, and never loaded as objects. Its work arrays are reused from user to user, so one scorer
 * serves one run on one thread.
 *
 * <p>A candidate's score is a log-odds of being the user's next choice, added up as a naive Bayes
 * model would: how much the user goes for its kind of title (movies, series, albums, artists), how
 * popular it is among the titles of its kind (smoothed, so that an unplayed title keeps a chance),
 * and the lifts of its features in the user's {@link Taste}: its best genre (and half its second),
 * its best person (and half its second), its decade; and how much more popular it is among the
 * users who played what the user liked than in the whole library. A preferred genre and a good
 * rating add a little.
 */
final class CandidateScorer {
  /** What a candidate's second-best genre counts, of its best one. */
  static final double SECOND_GENRE = 0.5;

  /** What a candidate's second-best person counts, of its best one. */
  static final double SECOND_PERSON = 0.5;

  /**
   * What the log of a candidate's popularity among the user's neighbours, against the library's,
   * counts ({@link CoPlays}): it overlaps the content lifts (neighbours share tastes), so less than
   * 1.
   */
  static final double NEIGHBOUR_WEIGHT = 0.75;

  /** The content lift at which similarity is 1 − 1/e (about 0.63). */
  static final double SIMILARITY_SCALE = 3;

  /** The least share a kind of title counts with, so that one the user never tried can show. */
  static final double KIND_FLOOR = 0.05;

  /** What one of the user's preferred genres adds to the log-odds (about 1.6 times). */
  static final double PREFERRED_GENRE_BOOST = 0.5;

  /** What a rating of 10 adds to the log-odds; a good title wins among equals. */
  static final double RATING_WEIGHT = 0.3;

  /** How many of the library's most played titles compete besides the ones matching a taste. */
  static final int POPULAR_POOL = 300;

  /**
   * A candidate with its score and its similarity to the user's taste: 0 for nothing in common,
   * towards 1 the more its genres, people and decade lift its odds.
   */
  record Scored(int candidate, double score, double similarity) {}

  /** Best first; equal scores in library order, so that a run's result never depends on chance. */
  static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::candidate);

  private static final int[] NONE = new int[0];

  private final LibraryFeatures library;
  private final int[] seenInRound;

  /** The current user's positive person lifts, by person id; zeroed again after each user. */
  private final double[] personLifts;

  private final int[] touched;
  private int touchedCount;
  private int round;

  CandidateScorer(LibraryFeatures library) {
    this.library = library;
    this.seenInRound = new int[library.size];
    this.personLifts = new double[library.peopleNames.size()];
    this.touched = new int[library.size];
  }

  /** The {@code count} best candidates the filter allows, best first. */
  List<Scored> best(Taste taste, CandidateFilter filter, int count) {
    return best(taste, filter, count, NONE);
  }

  /**
   * As {@link #best(Taste, CandidateFilter, int)}, for a taste read without the user's plays of
   * {@code heldOut}: those candidates' popularity is counted without the user's own play, as it was
   * before they played them.
   */
  List<Scored> best(Taste taste, CandidateFilter filter, int count, int[] heldOut) {
    round++;
    touchedCount = 0;
    for (int genre : taste.topGenres) {
      for (int candidate : library.genrePostings[genre]) {
        touch(candidate);
      }
    }
    for (int person : taste.topPeople) {
      for (int candidate : library.personPostings[person]) {
        touch(candidate);
      }
    }
    for (int i = 0; i < Math.min(POPULAR_POOL, library.popularFirst.length); i++) {
      touch(library.popularFirst[i]);
    }
    CoPlays coPlays = library.coPlays;
    coPlays.gather(taste.userId, taste.liked, taste.likedWeights);
    for (int i = 0; i < coPlays.sharedCount(); i++) {
      touch(coPlays.sharedCandidate(i));
    }
    double[] kindOdds = kindOdds(taste);
    int[] lifted = taste.liftedPeople();
    for (int person : lifted) {
      personLifts[person] = taste.personLift(person);
    }
    PriorityQueue<Scored> kept = new PriorityQueue<>(BEST_FIRST.reversed());
    for (int i = 0; i < touchedCount; i++) {
      int candidate = touched[i];
      if (!filter.allows(candidate)) {
        continue;
      }
      double lift = lift(taste, candidate);
      boolean ownPlay = heldOut.length > 0 && contains(heldOut, candidate);
      double score =
          kindOdds[library.types[candidate].ordinal()]
              + (ownPlay
                  ? library.logPopularityBefore(candidate)
                  : library.logPopularity[candidate])
              + lift
              + NEIGHBOUR_WEIGHT * coPlays.neighbourLift(candidate, ownPlay)
              + rating(candidate);
      if (filter.preferred(candidate)) {
        score += PREFERRED_GENRE_BOOST;
      }
      if (kept.size() == count && score < kept.peek().score()) {
        continue;
      }
      kept.add(new Scored(candidate, score, 1 - Math.exp(-Math.max(0, lift) / SIMILARITY_SCALE)));
      if (kept.size() > count) {
        kept.poll();
      }
    }
    for (int person : lifted) {
      personLifts[person] = 0;
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
        best.add(new Scored(candidate, library.logPopularity[candidate] + rating(candidate), 0));
      }
    }
    return best;
  }

  /** How much the candidate's genres, people and decade lift its odds for this user. */
  private double lift(Taste taste, int candidate) {
    double best = Double.NEGATIVE_INFINITY;
    double second = 0;
    for (int genre : library.genres[candidate]) {
      double lift = taste.genreLift(library.types[candidate].ordinal(), genre);
      if (lift > best) {
        second = Math.max(second, best);
        best = lift;
      } else {
        second = Math.max(second, lift);
      }
    }
    double genres = library.genres[candidate].length == 0 ? 0 : best + SECOND_GENRE * second;
    double first = 0;
    double next = 0;
    for (int person : library.people[candidate]) {
      double lift = personLifts[person];
      if (lift > first) {
        next = first;
        first = lift;
      } else if (lift > next) {
        next = lift;
      }
    }
    // Two people at most, the second by half: a large cast is not that many reasons.
    return genres + first + SECOND_PERSON * next + taste.decadeLift(library.decade(candidate));
  }

  /** The log of the user's share of each kind of title, evenly split when unknown. */
  private static double[] kindOdds(Taste taste) {
    double[] odds = new double[taste.kinds.length];
    double known = 0;
    for (double share : taste.kinds) {
      known += share;
    }
    for (int kind = 0; kind < odds.length; kind++) {
      odds[kind] = known > 0 ? Math.log(Math.max(KIND_FLOOR, taste.kinds[kind])) : 0;
    }
    return odds;
  }

  private double rating(int candidate) {
    double rating = library.ratings[candidate];
    return Double.isNaN(rating) ? 0 : RATING_WEIGHT * Math.max(0, Math.min(10, rating)) / 10;
  }

  private static boolean contains(int[] candidates, int candidate) {
    for (int c : candidates) {
      if (c == candidate) {
        return true;
      }
    }
    return false;
  }

  private void touch(int candidate) {
    if (seenInRound[candidate] != round) {
      seenInRound[candidate] = round;
      touched[touchedCount++] = candidate;
    }
  }
}
