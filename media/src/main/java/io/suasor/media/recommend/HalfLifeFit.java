package io.suasor.media.recommend;

import io.suasor.media.WorkTracker;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.User;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Chooses how fast a play stops counting in a taste from the library's own recent history: how long
 * tastes last differs from household to household, and the users' latest titles show it. For a
 * sample of users with enough history, their latest titles are held out, their taste read from the
 * rest with each half-life of a short grid, and their list made as a run makes it; the half-life
 * whose lists hold the most held-out titles is the run's. The grid ends at two years, so that an
 * older play always weighs less than a recent one. With too few such users, or when no half-life
 * finds more than the configured one, the configured one stands.
 */
final class HalfLifeFit {
  /** The half-lives tried, shortest first. */
  static final List<Duration> HALF_LIVES =
      List.of(
          Duration.ofDays(90), Duration.ofDays(180), Duration.ofDays(365), Duration.ofDays(730));

  /** How many users are sampled at most: more costs time and hardly changes a coarse choice. */
  static final int SAMPLE = 300;

  /** How many titles a user must have played to be sampled: a few are held out of them. */
  static final int MIN_TITLES = 10;

  /** How many of each sampled user's latest titles are held out. */
  static final int HELD_OUT = 5;

  /** How many sampled users a choice needs; with fewer, the configured half-life stands. */
  static final int MIN_USERS = 30;

  /**
   * The half-life a run reads tastes with, how many users it was chosen on (0 when not fitted), and
   * what the run's statistics say of it.
   */
  record Fitted(Duration halfLife, int users, String note) {}

  private final LibraryFeatures library;
  private final BuiltInRecommender ranking;
  private final TasteReader tastes;
  private final UserStore users;
  private final ActivityProfileStore profiles;
  private final Duration configured;

  HalfLifeFit(
      LibraryFeatures library,
      BuiltInRecommender ranking,
      TasteReader tastes,
      UserStore users,
      ActivityProfileStore profiles,
      Duration configured) {
    this.library = library;
    this.ranking = ranking;
    this.tastes = tastes;
    this.users = users;
    this.profiles = profiles;
    this.configured = configured;
  }

  /** The half-life fitted on the active users' latest titles, or the configured one and why. */
  Fitted fit(List<User> active, Instant now, WorkTracker tracker) {
    List<Duration> tried = tried();
    List<Long> eligible = new ArrayList<>();
    for (User user : active) {
      if (library.coPlays.titlesOf(user.id()) >= MIN_TITLES) {
        eligible.add(user.id());
      }
    }
    int sampled = Math.min(SAMPLE, eligible.size());
    int[] found = new int[tried.size()];
    int tested = 0;
    for (int i = 0; i < sampled; i++) {
      tracker.checkCancelled();
      // Evenly spread over the users in id order, so that the same library gives the same sample.
      long userId = eligible.get((int) ((long) i * eligible.size() / sampled));
      if (test(userId, now, tried, found)) {
        tested++;
      }
    }
    if (tested < MIN_USERS) {
      return new Fitted(
          configured,
          0,
          "taste half-life "
              + days(configured)
              + ", as configured: "
              + tested
              + (tested == 1 ? " user" : " users")
              + " with enough history, "
              + MIN_USERS
              + " needed to fit it");
    }
    // The configured half-life stands unless another finds more; among others, the shorter wins.
    int best = tried.indexOf(configured);
    for (int h = 0; h < found.length; h++) {
      if (found[h] > found[best]) {
        best = h;
      }
    }
    Duration chosen = tried.get(best);
    String counts =
        IntStream.range(0, found.length)
            .mapToObj(h -> days(tried.get(h)) + " " + found[h])
            .collect(Collectors.joining(", "));
    return new Fitted(
        chosen,
        tested,
        "taste half-life "
            + days(chosen)
            + (chosen.equals(configured) ? ", as configured (none better)" : ", fitted")
            + ": of "
            + tested
            + " users' latest "
            + HELD_OUT
            + " titles, held out, their lists found "
            + counts);
  }

  /** The grid and the configured half-life, shortest first. */
  private List<Duration> tried() {
    List<Duration> tried = new ArrayList<>(HALF_LIVES);
    if (!tried.contains(configured)) {
      tried.add(configured);
      tried.sort(null);
    }
    return tried;
  }

  /**
   * Adds to {@code found}, per half-life, how many of the user's held-out titles their list holds;
   * false when the user cannot be tested (recommendations off, nothing left to read a taste from).
   */
  private boolean test(long userId, Instant now, List<Duration> tried, int[] found) {
    JobPreferences preferences = users.preferences(userId, now);
    if (!preferences.recommendationsEnabled()) {
      return false;
    }
    TasteReader.HeldOut held =
        tastes.readHoldingOut(
            library,
            userId,
            preferences,
            UserRecommendations.profile(profiles, userId),
            now,
            HELD_OUT,
            tried);
    if (held.titles().length == 0 || held.tastes().get(0).isEmpty()) {
      return false;
    }
    for (int h = 0; h < tried.size(); h++) {
      Taste taste = held.tastes().get(h);
      CandidateFilter filter = new CandidateFilter(library, preferences, taste.known);
      for (CandidateScorer.Scored scored :
          ranking.ranked(taste, filter, preferences.maxRecommendations(), held.titles())) {
        for (int title : held.titles()) {
          if (scored.candidate() == title) {
            found[h]++;
          }
        }
      }
    }
    return true;
  }

  private static String days(Duration halfLife) {
    return halfLife.toDays() > 0 ? halfLife.toDays() + " days" : halfLife.toHours() + " hours";
  }
}
