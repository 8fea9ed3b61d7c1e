package io.suasor.media.maintenance;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JobRepository;
import io.suasor.media.WorkTracker;
import io.suasor.media.store.NotificationStore;
import io.suasor.media.store.RecommendationStore;
import io.suasor.media.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of {@code system.database.maintenance}: prunes what is past its retention in batches
 * (runs with their logs, expired notifications, recommendations and tokens), then optimises and
 * checks the database, and reports real counts.
 */
public final class DatabaseMaintenanceService {
  private final JobRepository jobs;
  private final NotificationStore notifications;
  private final RecommendationStore recommendations;
  private final TokenStore tokens;
  private final DatabaseChecks checks;
  private final Clock clock;
  private final Retention retention;

  public DatabaseMaintenanceService(
      Database database, JobRepository jobs, Clock clock, Retention retention) {
    this.jobs = jobs;
    this.notifications = new NotificationStore(database);
    this.recommendations = new RecommendationStore(database);
    this.tokens = new TokenStore(database);
    this.checks = new DatabaseChecks(database);
    this.clock = clock;
    this.retention = retention;
  }

  public MaintenanceReport maintain(WorkTracker tracker) {
    Instant now = clock.instant();
    tracker.total(6);
    tracker.message("pruning runs ended before " + now.minus(retention.runs()));
    long runs = pruneRuns(now.minus(retention.runs()));
    step(tracker, "runsPruned", runs);
    long expiredNotifications =
        notifications.pruneExpiredBefore(
            now.minus(retention.notifications()), retention.batchSize());
    step(tracker, "notificationsPruned", expiredNotifications);
    long expiredRecommendations =
        recommendations.pruneExpiredBefore(
            now.minus(retention.recommendations()), retention.batchSize());
    step(tracker, "recommendationsPruned", expiredRecommendations);
    long expiredTokens =
        tokens.pruneExpiredBefore(now.minus(retention.tokens()), retention.batchSize());
    step(tracker, "tokensPruned", expiredTokens);
    Map<String, Long> stats = new LinkedHashMap<>();
    tracker.message("optimising the database");
    checks.optimise(stats);
    tracker.advance(1);
    tracker.checkCancelled();
    tracker.message("checking the database");
    List<String> problems = checks.check(stats);
    tracker.advance(1);
    stats.forEach(tracker::stat);
    return new MaintenanceReport(
        runs, expiredNotifications, expiredRecommendations, expiredTokens, stats, problems);
  }

  private long pruneRuns(Instant endedBefore) {
    long total = 0;
    int pruned;
    do {
      pruned = jobs.pruneRuns(endedBefore, retention.batchSize());
      total += pruned;
    } while (pruned == retention.batchSize());
    return total;
  }

  private static void step(WorkTracker tracker, String stat, long count) {
    tracker.stat(stat, count);
    tracker.advance(1);
    tracker.checkCancelled();
  }
}
