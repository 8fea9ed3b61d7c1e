package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Weighs one user's history into a {@link Taste}: each title they played counts by how often
 * (logarithmically), how far they got, their rating and whether it is a favourite, and less the
 * longer ago they played it (half as much after the settings' half-life); an episode counts for its
 * series, a track for its album and artist. The titles' genres, people, decades and kinds add up to
 * the taste, blended with the user's stored activity profile and their preferred genres.
 */
final class TasteReader {
  /** What a play that was not finished counts of a finished one. */
  static final double UNFINISHED_FLOOR = 0.2;

  /** What marking a title a favourite adds, in finished plays. */
  static final double FAVOURITE_BONUS = 1.5;

  /** What a rating of 10 adds (and a rating of 0 takes away), in finished plays. */
  static final double RATING_WEIGHT = 1.5;

  static final double NEUTRAL_RATING = 5;

  /** The part of the taste the activity profile makes up when the user also has history. */
  static final double PROFILE_BLEND = 0.3;

  /** The share each preferred genre adds to the user's genre shares (which sum to 1). */
  static final double PREFERRED_GENRE_SEED = 0.15;

  static final int LIKED_KEPT = 100;

  private record Part(
      long itemId,
      int playCount,
      Instant lastPlayed,
      double percentage,
      boolean favourite,
      Double rating,
      Instant updatedAt) {}

  /** What one user did with one candidate, added up over the items that count for it. */
  private static final class Engagement {
    int plays;
    double completion;
    int parts;
    boolean favourite;
    double ratingSum;
    int ratings;
    Instant last = Instant.EPOCH;

    void add(Part part) {
      boolean played = part.playCount() > 0 || part.percentage() > 0;
      if (played) {
        plays += Math.max(1, part.playCount());
        // A counted play without a percentage is a finished one: servers count a play when done.
        completion += part.percentage() > 0 ? Math.min(100, part.percentage()) / 100 : 1;
        parts++;
      }
      favourite |= part.favourite();
      if (part.rating() != null) {
        ratingSum += part.rating();
        ratings++;
      }
      Instant when = part.lastPlayed() != null ? part.lastPlayed() : part.updatedAt();
      if (when != null && when.isAfter(last)) {
        last = when;
      }
    }

    boolean known() {
      return plays > 0 || favourite || ratings > 0;
    }

    double weight(Instant now, Duration halfLife) {
      double interest = 0;
      if (plays > 0) {
        double finished = completion / parts;
        double engagement = Math.log1p(plays) / Math.log(2);
        interest = engagement * (UNFINISHED_FLOOR + (1 - UNFINISHED_FLOOR) * finished);
      }
      if (favourite) {
        interest += FAVOURITE_BONUS;
      }
      if (ratings > 0) {
        interest += RATING_WEIGHT * (ratingSum / ratings - NEUTRAL_RATING) / NEUTRAL_RATING;
      }
      double age = Math.max(0, Duration.between(last, now).toMillis());
      return interest * Math.pow(0.5, age / halfLife.toMillis());
    }
  }

  private final Database database;
  private final Duration halfLife;

  TasteReader(Database database, Duration halfLife) {
    this.database = database;
    this.halfLife = halfLife;
  }

  Taste read(
      LibraryFeatures library,
      long userId,
      JobPreferences preferences,
      ProfileShares profile,
      Instant now) {
    return taste(
        library,
        userId,
        preferences,
        profile,
        now,
        engaged(library, parts(userId), Set.of()),
        halfLife);
  }

  /**
   * A user's tastes without their latest titles, one per half-life asked for, and those titles
   * (with the artist of a held-out album the rest of their history never met): a stand-in for what
   * they will play next, to test a way of reading tastes against.
   */
  record HeldOut(List<Taste> tastes, int[] titles) {}

  /**
   * The user's taste as it was before they played their {@code count} latest titles (movies,
   * series, albums; an album's tracks count for its artist only as far as the rest does), read with
   * each of {@code halfLives}; the history is read once.
   */
  HeldOut readHoldingOut(
      LibraryFeatures library,
      long userId,
      JobPreferences preferences,
      ProfileShares profile,
      Instant now,
      int count,
      List<Duration> halfLives) {
    List<Part> parts = parts(userId);
    Map<Integer, Engagement> all = engaged(library, parts, Set.of());
    int[] latest =
        all.entrySet().stream()
            .filter(e -> e.getValue().plays > 0)
            .filter(e -> library.types[e.getKey()] != MediaType.ARTIST)
            .sorted(
                Comparator.comparing((Map.Entry<Integer, Engagement> e) -> e.getValue().last)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(count)
            .mapToInt(Map.Entry::getKey)
            .toArray();
    Set<Integer> held = IntStream.of(latest).boxed().collect(Collectors.toSet());
    Map<Integer, Engagement> rest = engaged(library, parts, held);
    int[] titles =
        IntStream.concat(
                IntStream.of(latest),
                IntStream.of(latest)
                    .map(c -> library.artistOf[c])
                    .filter(a -> a >= 0 && !rest.containsKey(a))
                    .distinct())
            .toArray();
    List<Taste> tastes =
        halfLives.stream()
            .map(h -> taste(library, userId, preferences, profile, now, rest, h))
            .toList();
    return new HeldOut(tastes, titles);
  }

  /** What the user did with each candidate, leaving out the items of the {@code left} ones. */
  private static Map<Integer, Engagement> engaged(
      LibraryFeatures library, List<Part> parts, Set<Integer> left) {
    Map<Integer, Engagement> engaged = new HashMap<>();
    for (Part part : parts) {
      int owner = library.candidateOf(part.itemId());
      if (left.contains(owner)) {
        continue;
      }
      if (owner >= 0) {
        engaged.computeIfAbsent(owner, c -> new Engagement()).add(part);
      }
      int artist = library.artistOfItem(part.itemId());
      if (artist >= 0 && artist != owner) {
        engaged.computeIfAbsent(artist, c -> new Engagement()).add(part);
      }
    }
    return engaged;
  }

  private static Taste taste(
      LibraryFeatures library,
      long userId,
      JobPreferences preferences,
      ProfileShares profile,
      Instant now,
      Map<Integer, Engagement> engaged,
      Duration halfLife) {
    TasteWeights weights = new TasteWeights(library);
    BitSet known = new BitSet(library.size);
    Map<Integer, Double> likedBy = new HashMap<>();
    engaged.forEach(
        (candidate, engagement) -> {
          if (engagement.known()) {
            known.set(candidate);
          }
          double weight = engagement.weight(now, halfLife);
          weights.addTitle(candidate, weight);
          if (weight > 0) {
            likedBy.put(candidate, weight);
          }
        });
    boolean fromHistory = weights.anyLiked();
    Taste.Features features =
        weights.features(profile, fromHistory ? PROFILE_BLEND : 1, preferences.preferredGenres());
    int[] liked =
        likedBy.entrySet().stream()
            .sorted(
                Map.Entry.<Integer, Double>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(LIKED_KEPT)
            .mapToInt(Map.Entry::getKey)
            .toArray();
    double[] likedWeights = IntStream.of(liked).mapToDouble(likedBy::get).toArray();
    return new Taste(userId, features, liked, likedWeights, known, fromHistory);
  }

  private List<Part> parts(long userId) {
    return database.read(
        "read the item data of user " + userId + " for recommendations",
        c ->
            Jdbc.query(
                c,
                """
                SELECT item_id, play_count, last_played_at, played_percentage, favorite, rating,
                       updated_at
                FROM user_item_data WHERE user_id = ?
                """,
                row -> {
                  double rating = row.getDouble("rating");
                  Double rated = row.wasNull() ? null : rating;
                  return new Part(
                      row.getLong("item_id"),
                      row.getInt("play_count"),
                      Jdbc.instant(row, "last_played_at"),
                      row.getDouble("played_percentage"),
                      row.getBoolean("favorite"),
                      rated,
                      Jdbc.instant(row, "updated_at"));
                },
                userId));
  }

  /** The role name a profile's person entry has in the library's dictionary of people. */
  static String role(String profileRole) {
    for (CreditRole role : CreditRole.values()) {
      if (role.value().equalsIgnoreCase(profileRole.strip())) {
        return role.value();
      }
    }
    return profileRole;
  }
}
