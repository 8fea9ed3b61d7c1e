package io.suasor.jobs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lower bound of the due times of the claimable runs, where a node's claims start their walk of
 * the claim index instead of at its head.
 *
 * <p>Why: a claimed run leaves its pending entry in the claim index, dead, until VACUUM cleans the
 * index, and those entries sit at the head, before every live one. On PostgreSQL with ten million
 * runs of history, vacuum comes after tens of thousands of claimed runs, and every claim stepped
 * over all their entries (0.9 ms a claim per 50,000, docs/SCALING.md). Starting at the bound skips
 * the entries of runs due before it.
 *
 * <p>The bound is the due time of the first claimable run, or {@link #MARGIN} before the claim's
 * "now" if that is earlier, read once per {@link #AGE} (one walk of the whole index). It is safe
 * for every run claimable when it was read, and for every run that becomes claimable later with a
 * due time after it: runs due now, retries, chained runs, and the due runs of a fire storm (they
 * share its instant with the runs already fired). A run that becomes claimable later with an
 * earlier due time (a schedule fired long after its instant, a run given back by another node, a
 * run enqueued with a past due time by another process) waits until the bound is read again, at
 * most {@link #AGE}; this node's own inserts and give-backs forget the bound at once.
 */
final class ClaimFloor {
  /** How long a bound is used before it is read again. */
  static final Duration AGE = Duration.ofSeconds(10);

  /** How far before "now" the bound is at the latest. */
  static final Duration MARGIN = Duration.ofSeconds(10);

  private record Bound(Instant runAt, Instant readAt) {}

  private final Database database;
  private final AtomicReference<Bound> bound = new AtomicReference<>();

  ClaimFloor(Database database) {
    this.database = database;
  }

  /** The bound for a claim at {@code now}, read again when it is older than {@link #AGE}. */
  Instant at(Instant now) {
    Bound current = bound.get();
    if (current != null
        && !now.isBefore(current.readAt())
        && now.isBefore(current.readAt().plus(AGE))) {
      return current.runAt();
    }
    Instant first =
        database.read(
            "find the first claimable run",
            c ->
                Jdbc.queryOne(
                        c,
                        """
                        SELECT run_at FROM job_runs WHERE status = 'pending' AND node_id IS NULL
                        ORDER BY run_at LIMIT 1""",
                        r -> Jdbc.instant(r, "run_at"))
                    .orElse(null));
    Instant runAt = now.minus(MARGIN);
    if (first != null && first.isBefore(runAt)) {
      runAt = first;
    }
    bound.set(new Bound(runAt, now));
    return runAt;
  }

  /** Forgets the bound, after runs became claimable whose due times are not known here. */
  void forget() {
    bound.set(null);
  }

  /**
   * Lowers the bound to {@code runAt} if it is above it, after this node made a run due then
   * claimable: without a read, so that a node that enqueues often does not walk the index for it.
   */
  void lowerTo(Instant runAt) {
    bound.updateAndGet(
        current ->
            current == null || !runAt.isBefore(current.runAt())
                ? current
                : new Bound(runAt, current.readAt()));
  }
}
