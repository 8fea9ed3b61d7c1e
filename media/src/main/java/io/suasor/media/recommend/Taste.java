package io.suasor.media.recommend;

import java.util.BitSet;
import java.util.Map;

/**
 * One user's taste over the library's features, as {@link TasteReader} weighed it: shares per
 * genre, person, decade and kind of title (each list summing to 1 over what the user likes), the
 * titles they liked most with their weights, and the titles they already know.
 */
final class Taste {
  /** Weight per genre id; 0 for genres the user shows no liking for. */
  final double[] genres;

  /** The genres with weight, strongest first. */
  final int[] topGenres;

  /** Weight per person id, for the people with weight. */
  final Map<Integer, Double> people;

  /** The people with weight, strongest first. */
  final int[] topPeople;

  /** Weight per decade slot (year / 10), scaled so that the user's main decade is 1. */
  final double[] decades;

  /** Share per kind of title ({@code MediaType} ordinal); all 0 when unknown. */
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

  Taste(
      double[] genres,
      int[] topGenres,
      Map<Integer, Double> people,
      int[] topPeople,
      double[] decades,
      double[] kinds,
      int[] liked,
      double[] likedWeights,
      BitSet known,
      boolean fromHistory) {
    this.genres = genres;
    this.topGenres = topGenres;
    this.people = Map.copyOf(people);
    this.topPeople = topPeople;
    this.decades = decades;
    this.kinds = kinds;
    this.liked = liked;
    this.likedWeights = likedWeights;
    this.known = known;
    this.fromHistory = fromHistory;
  }

  /** Whether there is anything to match candidates against. */
  boolean isEmpty() {
    return topGenres.length == 0 && topPeople.length == 0;
  }

  double genre(int genre) {
    return genres[genre];
  }

  double person(int person) {
    return people.getOrDefault(person, 0.0);
  }

  /** The decade weight of a candidate's decade slot, 0 when unknown. */
  double decade(int slot) {
    return slot >= 0 && slot < decades.length ? decades[slot] : 0;
  }

  /** The euclidean length of the top genres' weights, for cosine similarity. */
  double genreNorm() {
    return norm(topGenres, genres);
  }

  double peopleNorm() {
    double sum = 0;
    for (int person : topPeople) {
      sum += person(person) * person(person);
    }
    return Math.sqrt(sum);
  }

  private static double norm(int[] ids, double[] weights) {
    double sum = 0;
    for (int id : ids) {
      sum += weights[id] * weights[id];
    }
    return Math.sqrt(sum);
  }
}
