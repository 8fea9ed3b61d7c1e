package io.suasor.media.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Fits a {@link Blend} to users' held-out titles: each {@link Sample} is one user's candidates,
 * scored part by part with the rest of their history, among which are the titles they played last.
 * Coordinate ascent over a grid per parameter, within the blend's bounds, on how many held-out
 * titles rank in the top ten (their reciprocal ranks break ties), starting from the hand-set blend;
 * a parameter moves only when that serves {@link #MIN_GAIN} more users. The parts are computed once
 * per user; a grid point only re-weighs them.
 */
final class BlendFit {
  /** The list length the fit aims at: a user's list is ten titles unless they ask otherwise. */
  static final int TOP = 10;

  /** The grid step of a weight and of a kind's bias. */
  static final double STEP = 0.25;

  /**
   * How many more users' lists a change must serve before it is made: smaller gains are within what
   * the sample's chance moves by.
   */
  static final double MIN_GAIN = 8;

  /** How many times every parameter is tried in turn; later sweeps seldom move anything. */
  static final int SWEEPS = 3;

  /**
   * One user's candidates for the fit.
   *
   * @param parts each row's parts, {@link Blend#PARTS} numbers a row
   * @param kinds each row's kind of title ({@code MediaType} ordinal)
   * @param leading each row's leading genre for the user ({@link Variety#leadingGenre}), -1 if none
   * @param artists each row's artist candidate, -1 if none
   * @param heldOut the rows of the titles the user played last
   */
  record Sample(double[] parts, int[] kinds, int[] leading, int[] artists, int[] heldOut) {
    int rows() {
      return kinds.length;
    }
  }

  private final List<Sample> samples;
  private final int genreCap;
  private final int maxPerArtist;

  /** To fit on the samples, for lists picked with the given variety (as {@link Variety} does). */
  BlendFit(List<Sample> samples, double maxGenreShare, int maxPerArtist) {
    this.samples = samples;
    this.genreCap = Math.max(1, (int) Math.ceil(TOP * maxGenreShare));
    this.maxPerArtist = maxPerArtist;
  }

  /** The blend that ranks the samples' held-out titles best, from the hand-set one. */
  Blend fit() {
    Blend best = Blend.DEFAULT;
    double bestValue = value(best);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean moved = false;
      for (int parameter = 0; parameter < Blend.PARAMETERS; parameter++) {
        Blend start = best;
        for (double x = Blend.lowest(parameter); x <= Blend.highest(parameter) + 1e-9; x += STEP) {
          Blend tried = start.with(parameter, x);
          double value = value(tried);
          if (value > bestValue + MIN_GAIN) {
            bestValue = value;
            best = tried;
            moved = true;
          }
        }
      }
      if (!moved) {
        break;
      }
    }
    return best;
  }

  /**
   * How well a blend does on the samples: how many users' lists of ten (picked as {@link Variety}
   * picks them from the best {@link BuiltInRecommender#POOL_PER_PLACE} per place) hold a title they
   * played last, plus the mean reciprocal rank of each user's best-ranked such title among their
   * other candidates, which is below 1, so that it only decides between blends with as many users
   * served.
   */
  double value(Blend blend) {
    int hits = 0;
    double reciprocal = 0;
    for (Sample sample : samples) {
      double[] scores = new double[sample.rows()];
      for (int row = 0; row < scores.length; row++) {
        scores[row] = blend.score(sample.parts(), row * Blend.PARTS, sample.kinds()[row]);
      }
      boolean[] held = new boolean[scores.length];
      double best = Double.NEGATIVE_INFINITY;
      for (int row : sample.heldOut()) {
        held[row] = true;
        best = Math.max(best, scores[row]);
      }
      int above = 0;
      for (int other = 0; other < scores.length; other++) {
        if (!held[other] && scores[other] > best) {
          above++;
        }
      }
      reciprocal += 1.0 / (above + 1);
      if (above < TOP * BuiltInRecommender.POOL_PER_PLACE && listed(sample, scores, held)) {
        hits++;
      }
    }
    return samples.isEmpty() ? 0 : hits + reciprocal / samples.size();
  }

  /** Whether the list {@link Variety} picks from the best-scored rows holds a held-out one. */
  private boolean listed(Sample sample, double[] scores, boolean[] held) {
    Integer[] pool = best(scores, TOP * BuiltInRecommender.POOL_PER_PLACE);
    Map<Integer, Integer> perGenre = new HashMap<>();
    Map<Integer, Integer> perArtist = new HashMap<>();
    int picked = 0;
    List<Integer> passedOver = new ArrayList<>();
    for (int row : pool) {
      if (picked == TOP) {
        break;
      }
      int genre = sample.leading()[row];
      int artist = sample.artists()[row];
      if ((genre >= 0 && perGenre.getOrDefault(genre, 0) >= genreCap)
          || (artist >= 0 && perArtist.getOrDefault(artist, 0) >= maxPerArtist)) {
        passedOver.add(row);
        continue;
      }
      if (held[row]) {
        return true;
      }
      picked++;
      perGenre.merge(genre, 1, Integer::sum);
      perArtist.merge(artist, 1, Integer::sum);
    }
    for (int row : passedOver) {
      if (picked++ == TOP) {
        break;
      }
      if (held[row]) {
        return true;
      }
    }
    return false;
  }

  /** The {@code count} best-scored rows, best first (equal scores in row order). */
  private static Integer[] best(double[] scores, int count) {
    PriorityQueue<Integer> kept =
        new PriorityQueue<>(
            Comparator.comparingDouble((Integer row) -> scores[row])
                .thenComparing(Comparator.reverseOrder()));
    for (int row = 0; row < scores.length; row++) {
      if (kept.size() < count) {
        kept.add(row);
      } else if (scores[row] > scores[kept.peek()]) {
        kept.poll();
        kept.add(row);
      }
    }
    Integer[] rows = kept.toArray(new Integer[0]);
    Arrays.sort(
        rows, Comparator.comparingDouble((Integer row) -> -scores[row]).thenComparing(row -> row));
    return rows;
  }
}
