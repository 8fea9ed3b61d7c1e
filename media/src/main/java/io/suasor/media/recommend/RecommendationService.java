package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.User;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes users' recommendations, as {@code system.recommendation} runs it: loads the library's
 * features once, then for each user in turn (between users the work may be cancelled; each user's
 * set is replaced in one transaction, so a cancelled run leaves every set whole) weighs their taste
 * and stores their list, from the recommender their preferences chose ({@link SuggestionSource}) or
 * the built-in one. Progress counts users; statistics count as they go, so that a cancelled run
 * keeps them.
 */
public final class RecommendationService {
  /** Notes kept in a report; the statistics count them all. */
  static final int MAX_NOTES = 100;

  /** How long a one-user run may reuse the last run's fitted half-life: the daily run refits it. */
  static final Duration REFIT_AFTER = Duration.ofDays(1);

  private final Database database;
  private final Clock clock;
  private final RecommenderSettings settings;
  private final SuggestionSource others;
  private final UserStore users;
  private volatile LastFit lastFit;

  public RecommendationService(
      Database database, Clock clock, RecommenderSettings settings, SuggestionSource others) {
    this.database = database;
    this.clock = clock;
    this.settings = settings;
    this.others = others;
    this.users = new UserStore(database);
  }

  /** Every active user's recommendations (those whose preferences turn them off are skipped). */
  public RecommendationReport recommendAll(long runId, WorkTracker tracker) {
    return run(users.active(), true, runId, tracker);
  }

  /** One user's recommendations, as a user's own run makes them. */
  public RecommendationReport recommendFor(long userId, long runId, WorkTracker tracker) {
    return run(users.byId(userId).filter(User::active).stream().toList(), false, runId, tracker);
  }

  private RecommendationReport run(
      List<User> chosen, boolean everyone, long runId, WorkTracker tracker) {
    Instant now = clock.instant();
    tracker.total(chosen.size());
    for (String key : Tally.KEYS) {
      tracker.stat(key, 0);
    }
    Tally tally = new Tally(tracker);
    if (chosen.isEmpty()) {
      return tally.report(0);
    }
    tracker.message("reading the library");
    LibraryFeatures library = new LibraryLoader(database, settings.actorsPerItem()).load();
    tracker.stat("candidates", library.size);
    BuiltInRecommender builtIn = new BuiltInRecommender(database, library, settings);
    HalfLifeFit.Fitted halfLife = halfLife(everyone, library, builtIn, now, tracker);
    tracker.stat("tasteHalfLifeDays", halfLife.halfLife().toDays());
    tracker.stat("tasteHalfLifeFittedOnUsers", halfLife.users());
    tally.tasteHalfLife = halfLife.note();
    UserRecommendations work =
        new UserRecommendations(
            database,
            settings.withTasteHalfLife(halfLife.halfLife()),
            others,
            builtIn,
            library,
            runId,
            now);
    for (User user : chosen) {
      tracker.checkCancelled();
      tracker.message("recommending for " + user.username());
      try {
        tally.add(user, work.recommend(user));
      } catch (RuntimeException e) {
        tally.failed(user, e);
      }
      tracker.advance(1);
    }
    return tally.report(chosen.size());
  }

  /**
   * The half-life this run reads tastes with: fitted on the users' latest titles, except that a
   * one-user run within a day of the last fit reuses it (the fit costs about as much as ranking
   * every user, and a user's own run should read tastes as the daily one did).
   */
  private HalfLifeFit.Fitted halfLife(
      boolean everyone,
      LibraryFeatures library,
      BuiltInRecommender builtIn,
      Instant now,
      WorkTracker tracker) {
    LastFit last = lastFit;
    if (!everyone
        && last != null
        && !now.isBefore(last.at())
        && now.isBefore(last.at().plus(REFIT_AFTER))) {
      HalfLifeFit.Fitted fitted = last.fitted();
      return new HalfLifeFit.Fitted(
          fitted.halfLife(),
          fitted.users(),
          fitted.note() + "; reused from the fit at " + last.at());
    }
    tracker.message("choosing the taste half-life on the users' latest titles");
    HalfLifeFit.Fitted fitted =
        new HalfLifeFit(
                library,
                builtIn,
                new TasteReader(database, settings.tasteHalfLife()),
                users,
                new ActivityProfileStore(database),
                settings.tasteHalfLife())
            .fit(users.active(), now, tracker);
    lastFit = new LastFit(fitted, now);
    return fitted;
  }

  /** A fit and when it was made. */
  private record LastFit(HalfLifeFit.Fitted fitted, Instant at) {}

  /** Counts users' outcomes into the tracker's statistics and the report. */
  private static final class Tally {
    static final List<String> KEYS =
        List.of(
            "usersRecommended",
            "usersSkipped",
            "usersWithoutMatches",
            "usersFailed",
            "recommendationsMade",
            "recommenderFallbacks",
            "dismissedLeftOut",
            "ignoredLeftOut");

    private final WorkTracker tracker;
    private int recommended;
    private int skipped;
    private int withoutMatches;
    private long made;
    private int fallbacks;
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private String tasteHalfLife = "taste half-life: not needed (no user to recommend for)";

    Tally(WorkTracker tracker) {
      this.tracker = tracker;
    }

    void add(User user, UserRecommendations.Outcome outcome) {
      if (outcome.skipped()) {
        skipped++;
        tracker.stat("usersSkipped", 1);
        return;
      }
      if (outcome.stored() > 0) {
        recommended++;
        tracker.stat("usersRecommended", 1);
      } else {
        withoutMatches++;
        tracker.stat("usersWithoutMatches", 1);
      }
      made += outcome.stored();
      tracker.stat("recommendationsMade", outcome.stored());
      tracker.stat("dismissedLeftOut", outcome.dismissed());
      tracker.stat("ignoredLeftOut", outcome.ignored());
      if (outcome.fallbackReason() != null) {
        fallbacks++;
        tracker.stat("recommenderFallbacks", 1);
        tracker.stat("fallbacks" + capitalised(outcome.fallbackReason()), 1);
        note(
            "user "
                + user.username()
                + ": "
                + outcome.fallbackNote()
                + "; the built-in recommender stood in");
      }
    }

    void failed(User user, RuntimeException e) {
      tracker.stat("usersFailed", 1);
      String failure = "user " + user.username() + ": " + e.getMessage();
      failures.add(failure);
      note(failure);
    }

    private static String capitalised(String word) {
      return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private void note(String line) {
      if (notes.size() < MAX_NOTES) {
        notes.add(line);
      }
    }

    RecommendationReport report(int users) {
      return new RecommendationReport(
          users,
          recommended,
          skipped,
          withoutMatches,
          made,
          fallbacks,
          notes,
          failures,
          tasteHalfLife);
    }
  }
}
