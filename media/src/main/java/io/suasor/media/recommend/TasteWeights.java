package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.HashMap;
import java.util.Map;

/**
 * The sums a {@link Taste} is made of while {@link TasteReader} adds a user's titles up: each
 * title's weight spread over its genres, over its people in each role, onto its decade and kind.
 */
final class TasteWeights {
  final double[] genres;
  final Map<Integer, Double> people = new HashMap<>();
  final double[] decades = new double[TasteReader.DECADE_SLOTS];
  final double[] kinds = new double[MediaType.values().length];
  private final LibraryFeatures library;

  TasteWeights(LibraryFeatures library) {
    this.library = library;
    this.genres = new double[library.genreNames.size()];
  }

  /** Adds a title the user liked ({@code weight} above 0) or disliked (below 0). */
  void addTitle(int candidate, double weight) {
    int[] itsGenres = library.genres[candidate];
    for (int genre : itsGenres) {
      genres[genre] += weight / itsGenres.length;
    }
    // Each role shares the title's weight, so that a cast of eight does not drown its director.
    Map<String, Integer> perRole = new HashMap<>();
    for (int person : library.people[candidate]) {
      perRole.merge(library.peopleNames.kind(person), 1, Integer::sum);
    }
    for (int person : library.people[candidate]) {
      people.merge(person, weight / perRole.get(library.peopleNames.kind(person)), Double::sum);
    }
    int decade = library.decade(candidate);
    if (decade >= 0 && decade < decades.length) {
      decades[decade] += weight;
    }
    if (weight > 0) {
      kinds[library.types[candidate].ordinal()] += weight;
    }
  }

  /**
   * Drops what the user dislikes on balance and scales each feature to sum 1; returns whether
   * anything is left to like.
   */
  boolean normalise() {
    people.replaceAll((person, weight) -> Math.max(0, weight));
    people.values().removeIf(weight -> weight == 0);
    boolean genresLeft = scale(genres);
    double peopleSum = people.values().stream().mapToDouble(Double::doubleValue).sum();
    if (peopleSum > 0) {
      people.replaceAll((person, weight) -> weight / peopleSum);
    }
    scale(decades);
    scale(kinds);
    return genresLeft || peopleSum > 0;
  }

  /** Mixes the profile's shares in, as {@code part} of each feature the profile has. */
  void blend(ProfileShares profile, double part) {
    Map<Integer, Double> genreShares = new HashMap<>();
    for (ProfileShares.Named genre : profile.genres()) {
      int id = library.genreNames.find(LibraryFeatures.GENRE, genre.name());
      if (id >= 0) {
        genreShares.merge(id, genre.share(), Double::sum);
      }
    }
    mix(genres, genreShares, part);
    Map<Integer, Double> peopleShares = new HashMap<>();
    for (ProfileShares.Named person : profile.people()) {
      int id = library.peopleNames.find(TasteReader.role(person.role()), person.name());
      if (id >= 0) {
        peopleShares.merge(id, person.share(), Double::sum);
      }
    }
    double total = peopleShares.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > 0) {
      people.replaceAll((person, weight) -> weight * (1 - part));
      peopleShares.forEach(
          (person, share) -> people.merge(person, part * share / total, Double::sum));
    }
    Map<Integer, Double> decadeShares = new HashMap<>();
    for (ProfileShares.Decade decade : profile.decades()) {
      int slot = decade.decade() / 10;
      if (slot > 0 && slot < decades.length) {
        decadeShares.merge(slot, decade.share(), Double::sum);
      }
    }
    mix(decades, decadeShares, part);
    Map<Integer, Double> kindShares = new HashMap<>();
    for (ProfileShares.Kind kind : profile.mediaTypes()) {
      kindShares.merge(kind.type().ordinal(), kind.share(), Double::sum);
      if (kind.type() == MediaType.ALBUM) {
        // Time spent on tracks is time with their artists too.
        kindShares.merge(MediaType.ARTIST.ordinal(), kind.share(), Double::sum);
      }
    }
    mix(kinds, kindShares, part);
  }

  /** The decade weights scaled so that the strongest decade is 1. */
  double[] scaledDecades() {
    double max = 0;
    for (double weight : decades) {
      max = Math.max(max, weight);
    }
    double[] scaled = decades.clone();
    if (max > 0) {
      for (int slot = 0; slot < scaled.length; slot++) {
        scaled[slot] /= max;
      }
    }
    return scaled;
  }

  private static void mix(double[] weights, Map<Integer, Double> shares, double part) {
    double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total <= 0) {
      return;
    }
    for (int id = 0; id < weights.length; id++) {
      weights[id] *= 1 - part;
    }
    shares.forEach((id, share) -> weights[id] += part * share / total);
  }

  private static boolean scale(double[] weights) {
    double sum = 0;
    for (int id = 0; id < weights.length; id++) {
      weights[id] = Math.max(0, weights[id]);
      sum += weights[id];
    }
    if (sum > 0) {
      for (int id = 0; id < weights.length; id++) {
        weights[id] /= sum;
      }
    }
    return sum > 0;
  }
}
