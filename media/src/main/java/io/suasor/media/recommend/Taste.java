package io.suasor.media.recommend;

import java.util.BitSet;
import java.util.Map;

/**
 * One user's taste over the library's features, as {@link TasteReader} weighed it. For each genre,
 * person and decade it keeps how much the user goes for it (a genre's and a decade's share of the
 * titles they liked; a person's count of such titles) and its lift: the log of how much more the
 * user goes for it than the library offers it (0 for no more than chance, below 0 for less), the
 * measure the recommender scores with; a genre's lift is per kind of title, as music genres are
 * rare among all titles and common among albums. It also keeps the titles the user liked most and
 * the titles they already know.
 */
final class Taste {
  /** Whose taste it is. */
  final long userId;

  private final double[] genreShares;

  /** Per kind of title ({@code MediaType} ordinal) and genre: genres lift differently per kind. */
  private final double[][] genreLifts;

  /** The genres the user goes for more than the library has them in some kind, strongest first. */
  final int[] topGenres;

  private final Map<Integer, Double> personTitles;
  private final Map<Integer, Double> personLifts;

  /** The people the user goes for more than chance, strongest first. */
  final int[] topPeople;

  private final double[] decadeShares;
  private final double[] decadeLifts;

  /** Share per kind of title ({@code MediaType} ordinal) of the titles liked; all 0 if none. */
  final double[] kinds;

  /** The candidates the user liked, strongest first, and how much. */
  final int[] liked;

  final double[] likedWeights;

  /** The candidates the user played (any part of), rated or made a favourite. */
  final BitSet known;

  /**
   * Whether any of this came from the user's own history (rather than only a profile or wishes).
   */
  final boolean fromHistory;

  /** The parts of a taste, as {@link TasteWeights} computes them. */
  record Features(
      double[] genreShares,
      double[][] genreLifts,
      int[] topGenres,
      Map<Integer, Double> personTitles,
      Map<Integer, Double> personLifts,
      int[] topPeople,
      double[] decadeShares,
      double[] decadeLifts,
      double[] kinds) {}

  Taste(
      long userId,
      Features features,
      int[] liked,
      double[] likedWeights,
      BitSet known,
      boolean fromHistory) {
    this.userId = userId;
    this.genreShares = features.genreShares();
    this.genreLifts = features.genreLifts();
    this.topGenres = features.topGenres();
    this.personTitles = Map.copyOf(features.personTitles());
    this.personLifts = Map.copyOf(features.personLifts());
    this.topPeople = features.topPeople();
    this.decadeShares = features.decadeShares();
    this.decadeLifts = features.decadeLifts();
    this.kinds = features.kinds();
    this.liked = liked;
    this.likedWeights = likedWeights;
    this.known = known;
    this.fromHistory = fromHistory;
  }

  /** Whether there is anything to match candidates against. */
  boolean isEmpty() {
    return topGenres.length == 0 && topPeople.length == 0;
  }

  /** How much the user goes for a genre in titles of a kind ({@code MediaType} ordinal). */
  double genreLift(int kind, int genre) {
    return genreLifts[kind][genre];
  }

  double genreShare(int genre) {
    return genreShares[genre];
  }

  double personLift(int person) {
    return personLifts.getOrDefault(person, 0.0);
  }

  /** The people with a positive lift (only those add to a candidate's score). */
  int[] liftedPeople() {
    return personLifts.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .mapToInt(Map.Entry::getKey)
        .toArray();
  }

  double personTitles(int person) {
    return personTitles.getOrDefault(person, 0.0);
  }

  /** The lift of a decade slot (year / 10), 0 when unknown. */
  double decadeLift(int slot) {
    return slot >= 0 && slot < decadeLifts.length ? decadeLifts[slot] : 0;
  }

  double decadeShare(int slot) {
    return slot >= 0 && slot < decadeShares.length ? decadeShares[slot] : 0;
  }

  int decadeSlots() {
    return decadeShares.length;
  }
}
