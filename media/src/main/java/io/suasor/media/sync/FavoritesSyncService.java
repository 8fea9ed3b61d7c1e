package io.suasor.media.sync;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.User;
import io.suasor.media.source.FavoritesSource;
import io.suasor.media.source.ScanProblem;
import io.suasor.media.source.SourceClient;
import io.suasor.media.source.SourceClients;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.SourceDataWriter;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.sync.FavoritesSyncReport.SourceOutcome;
import io.suasor.media.sync.FavoritesSyncReport.Status;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of {@code system.favorites.sync}: for each user, reconciles their favourites across
 * Suasor and each of their enabled sources that keeps favourites. Every such source is read first
 * (each source's word weighed against what it said last time; where the favourite also changed
 * elsewhere, the newest change wins, by the source's own time where it gives one, else by when
 * Suasor saw it), then each is written what it does not hold yet, for the items it has. Reading all
 * before writing any lets a change in the last source read reach the first in the same run, so one
 * run converges and a second changes nothing. A source that cannot be read is counted as failed and
 * written nothing; the others still converge, and the next run catches it up. Progress counts
 * users; cancellation is checked between users, sources and write-backs.
 */
public final class FavoritesSyncService {
  /** Notes kept in a report; the statistics count them all. */
  static final int MAX_NOTES = 100;

  private final UserStore users;
  private final SourceStore sources;
  private final SourceClients clients;
  private final Clock clock;
  private final FavoritesExchange exchange;

  public FavoritesSyncService(
      Database database, SourceStore sources, SourceClients clients, Clock clock) {
    this.users = new UserStore(database);
    this.sources = sources;
    this.clients = clients;
    this.clock = clock;
    this.exchange =
        new FavoritesExchange(new RefStore(database), new SourceDataWriter(database), clock);
  }

  /** Every active user's favourites. */
  public FavoritesSyncReport syncAll(WorkTracker tracker) {
    return run(users.active(), tracker);
  }

  /** One user's favourites, as a user's own run syncs them. */
  public FavoritesSyncReport syncFor(long userId, WorkTracker tracker) {
    return run(users.byId(userId).filter(User::active).stream().toList(), tracker);
  }

  private FavoritesSyncReport run(List<User> chosen, WorkTracker tracker) {
    tracker.total(chosen.size());
    for (String key : Outcomes.KEYS) {
      tracker.stat(key, 0);
    }
    Outcomes outcomes = new Outcomes(tracker);
    for (User user : chosen) {
      tracker.checkCancelled();
      tracker.message("reconciling the favourites of " + user.username());
      syncUser(user, outcomes, tracker);
      tracker.advance(1);
    }
    return outcomes.report(chosen.size());
  }

  /** A source read this run, waiting for its write-backs. */
  private record Read(MediaSource source, FavoritesSource client, SyncTally tally) {}

  private void syncUser(User user, Outcomes outcomes, WorkTracker tracker) {
    Instant now = clock.instant();
    List<Read> read = new ArrayList<>();
    List<String> without = new ArrayList<>();
    int failed = 0;
    for (MediaSource source : sources.byUser(user.id())) {
      if (!source.enabled()) {
        continue;
      }
      tracker.checkCancelled();
      SyncTally tally = new SyncTally(tracker);
      try {
        SourceClient client = clients.open(source);
        if (!(client instanceof FavoritesSource favorites)) {
          without.add(name(source));
          outcomes.add(outcome(source, Status.NO_FAVORITES, tally, null));
          continue;
        }
        tracker.message("reading the favourites of " + name(source));
        exchange.read(source, favorites, tracker, tally, now);
        read.add(new Read(source, favorites, tally));
      } catch (RuntimeException e) {
        rethrowCancellation(e, tracker);
        failed++;
        outcomes.add(outcome(source, Status.FAILED, tally, String.valueOf(e.getMessage())));
        outcomes.problems(source, tally);
      }
    }
    for (Read done : read) {
      MediaSource source = done.source();
      tracker.message("writing favourites to " + name(source));
      try {
        exchange.writeBack(source, done.client(), tracker, done.tally());
        boolean refused = done.tally().get(Key.writeBackFailures) > 0;
        failed += refused ? 1 : 0;
        outcomes.add(
            outcome(
                source, refused ? Status.WRITE_BACK_FAILED : Status.SYNCED, done.tally(), null));
      } catch (RuntimeException e) {
        rethrowCancellation(e, tracker);
        failed++;
        outcomes.add(outcome(source, Status.FAILED, done.tally(), String.valueOf(e.getMessage())));
      }
      outcomes.problems(source, done.tally());
    }
    if (read.isEmpty() && failed == 0) {
      outcomes.withoutFavoriteSources(user, without);
    } else if (failed == 0) {
      outcomes.synced();
    }
  }

  private static void rethrowCancellation(RuntimeException e, WorkTracker tracker) {
    if (e instanceof WorkCancelledException || tracker.cancelled()) {
      throw e;
    }
  }

  /** The source as messages name it, e.g. "'Den' (subsonic)". */
  static String name(MediaSource source) {
    return "'" + source.name() + "' (" + source.type().value() + ")";
  }

  private static SourceOutcome outcome(
      MediaSource source, Status status, SyncTally tally, String error) {
    return new SourceOutcome(
        source.userId(),
        source.id(),
        source.name(),
        source.type().value(),
        status,
        tally.get(Key.favoritesImported),
        tally.get(Key.conflicts),
        tally.get(Key.writtenBack),
        tally.get(Key.writeBackFailures),
        error);
  }

  /** Counts outcomes into the run's statistics as they come, and into the report. */
  private static final class Outcomes {
    static final List<String> KEYS =
        List.of(
            "usersSynced",
            "usersWithoutFavoriteSources",
            "sourcesSynced",
            "sourcesFailed",
            "sourcesWithoutFavorites",
            "favoritesImported",
            "conflicts",
            "writtenBack",
            "writeBackFailures");

    private final WorkTracker tracker;
    private final List<SourceOutcome> sources = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int synced;
    private int withoutFavoriteSources;

    Outcomes(WorkTracker tracker) {
      this.tracker = tracker;
    }

    void add(SourceOutcome outcome) {
      sources.add(outcome);
      String name = "'" + outcome.name() + "' (" + outcome.type() + ")";
      switch (outcome.status()) {
        case SYNCED -> tracker.stat("sourcesSynced", 1);
        case WRITE_BACK_FAILED -> {
          tracker.stat("sourcesSynced", 1);
          note(name + ": " + outcome.writeBackFailures() + " favourites could not be written");
        }
        case FAILED -> {
          tracker.stat("sourcesFailed", 1);
          note(name + " failed: " + outcome.error());
        }
        case NO_FAVORITES -> tracker.stat("sourcesWithoutFavorites", 1);
      }
    }

    /** The items a source's favourites could not be matched or written for, as notes. */
    void problems(MediaSource source, SyncTally tally) {
      for (ScanProblem problem : tally.report().problems()) {
        note(name(source) + ": " + problem.path() + ": " + problem.problem());
      }
    }

    void synced() {
      synced++;
      tracker.stat("usersSynced", 1);
    }

    void withoutFavoriteSources(User user, List<String> sourceNames) {
      withoutFavoriteSources++;
      tracker.stat("usersWithoutFavoriteSources", 1);
      note(
          "user "
              + user.username()
              + ": "
              + (sourceNames.isEmpty()
                  ? "has no enabled source"
                  : "no source keeps favourites (" + String.join(", ", sourceNames) + ")")
              + ", so there was nothing to reconcile; Suasor's own favourites stand");
    }

    private void note(String line) {
      if (notes.size() < MAX_NOTES) {
        notes.add(line);
      }
    }

    FavoritesSyncReport report(int users) {
      return new FavoritesSyncReport(users, synced, withoutFavoriteSources, sources, notes);
    }
  }
}
