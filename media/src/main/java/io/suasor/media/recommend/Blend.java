package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.Arrays;
import java.util.Locale;

/**
 * The weights of the parts a candidate's log-odds is the sum of ({@link CandidateScorer}): how much
 * the user goes for its kind of title, its popularity within its kind, the lifts of its genres, its
 * people and its decade, and its neighbours' lift, each times its weight; plus a bias per kind of
 * title (movies at 0, so that the others say how much more or less a series, an album or an artist
 * counts than a movie of the same odds), plus the rating and preferred-genre part, which is not
 * weighed. {@link #DEFAULT} is the hand-set blend; {@link BlendFit} fits one on the library's own
 * recent plays, within bounds that keep a small library from fitting nonsense.
 */
final class Blend {
  static final int KIND = 0;
  static final int POPULARITY = 1;
  static final int GENRES = 2;
  static final int PEOPLE = 3;
  static final int DECADE = 4;
  static final int NEIGHBOURS = 5;

  /** How many parts have a weight. */
  static final int WEIGHED = 6;

  /** The part that is added as it is: a good rating and a preferred genre. */
  static final int FIXED = 6;

  /** How many parts a candidate has. */
  static final int PARTS = 7;

  /** The kinds with a bias of their own; a movie's is 0, the scale the others are set against. */
  static final MediaType[] BIASED = {MediaType.SERIES, MediaType.ALBUM, MediaType.ARTIST};

  /** How many numbers a blend has: the weights, then the kinds' biases. */
  static final int PARAMETERS = WEIGHED + BIASED.length;

  private static final String[] NAMES = {
    "kind", "popularity", "genres", "people", "decade", "neighbours", "series", "albums", "artists"
  };

  /**
   * Each parameter's bounds: no part may be turned off or drown the others, except the decade and
   * the neighbours, which a library may show to say nothing; a kind no more than e^1.5 (4.5 times)
   * up or down.
   */
  private static final double[] LOWEST = {0.25, 0.25, 0.25, 0.25, 0, 0, -1.5, -1.5, -1.5};

  private static final double[] HIGHEST = {2, 2, 2, 2, 2, 2, 1.5, 1.5, 1.5};

  /** The hand-set blend: every part at 1, the neighbours less as they overlap the content lifts. */
  static final Blend DEFAULT =
      new Blend(new double[] {1, 1, 1, 1, 1, CandidateScorer.NEIGHBOUR_WEIGHT, 0, 0, 0});

  private final double[] values;
  private final double[] kindBias = new double[MediaType.values().length];

  private Blend(double[] values) {
    this.values = values.clone();
    for (int i = 0; i < BIASED.length; i++) {
      kindBias[BIASED[i].ordinal()] = values[WEIGHED + i];
    }
  }

  /** The candidate's score from its parts ({@code parts[offset..offset + PARTS)}) and kind. */
  double score(double[] parts, int offset, int kind) {
    double score = parts[offset + FIXED] + kindBias[kind];
    for (int i = 0; i < WEIGHED; i++) {
      score += values[i] * parts[offset + i];
    }
    return score;
  }

  double value(int parameter) {
    return values[parameter];
  }

  /** This blend with one parameter changed, held within its bounds. */
  Blend with(int parameter, double value) {
    double[] changed = values.clone();
    changed[parameter] = Math.max(LOWEST[parameter], Math.min(HIGHEST[parameter], value));
    return new Blend(changed);
  }

  static double lowest(int parameter) {
    return LOWEST[parameter];
  }

  static double highest(int parameter) {
    return HIGHEST[parameter];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Blend blend && Arrays.equals(values, blend.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** For the run's statistics: "kind 1.00, popularity 0.75, …, artists -0.25". */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < PARAMETERS; i++) {
      text.append(i == 0 ? "" : ", ")
          .append(NAMES[i])
          .append(' ')
          .append(String.format(Locale.ROOT, "%.2f", values[i]));
    }
    return text.toString();
  }
}
