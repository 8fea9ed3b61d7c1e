package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.NewRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The engine's writes: fire, claim, heartbeat, progress, finish, reap, cancel, prune. */
final class EngineStore {
  private final Database database;
  private final Map<List<Integer>, String> claims = new ConcurrentHashMap<>();

  EngineStore(Database database) {
    this.database = database;
  }

  /**
   * The claim of the due runs of {@code jobs} named jobs, optionally taking only those of {@code
   * aheadOnly} named jobs among them. The candidates are picked once, in a materialised CTE: a
   * subquery under IN could be rescanned, and each rescan under SKIP LOCKED would lock further rows
   * past the LIMIT. The job names are compared as "job_name || ''", so that the candidates are read
   * in run order from the claim index, filtered as they come (on the job index the planner would
   * read every pending run of the jobs and sort them); the ahead-only names filter the update, not
   * the candidates, so that a claim ahead takes those jobs' runs among the first due ones.
   */
  private String claimStatement(int jobs, int aheadOnly) {
    String onlyAhead =
        aheadOnly == 0
            ? ""
            : "AND job_name || '' IN ("
                + String.join(", ", Collections.nCopies(aheadOnly, "?"))
                + ")";
    return """
        WITH picked AS MATERIALIZED (
            SELECT p.id AS picked_id FROM job_runs p
            WHERE p.status = 'pending' AND p.run_at <= ?
              AND (p.concurrency_key IS NULL OR p.concurrency_limit = 0
                   OR (SELECT COUNT(*) FROM job_runs r
                       WHERE r.concurrency_key = p.concurrency_key
                         AND (r.status = 'running'
                              OR (r.status = 'pending' AND r.run_at <= ?
                                  AND (r.run_at < p.run_at
                                       OR (r.run_at = p.run_at AND r.id < p.id)))))
                      < p.concurrency_limit)
              AND %s
            ORDER BY p.run_at, p.id
            LIMIT ?
            %s
            )
            UPDATE job_runs
            SET status = 'running', node_id = ?, start_time = ?, heartbeat_at = ?, updated_at = ?
            WHERE status = 'pending' AND id IN (SELECT picked_id FROM picked) %s
            RETURNING %s"""
        .formatted(
            database.dialect().oneOf("p.job_name || ''", jobs),
            database.dialect().skipLockedSuffix(),
            onlyAhead,
            RunStore.COLUMNS);
  }

  List<JobRun> fire(Fire fire) {
    return database.inTransaction(
        "fire schedule " + fire.scheduleId(),
        c -> {
          if (!ScheduleStore.advance(c, fire)) {
            return List.of();
          }
          List<JobRun> inserted = new ArrayList<>();
          for (NewRun run : fire.runs()) {
            inserted.add(RunStore.insert(c, run, fire.now()));
          }
          return inserted;
        });
  }

  Optional<JobRun> createIfIdle(NewRun run, Instant now) {
    String key = run.concurrencyKey();
    if (key == null) {
      return Optional.of(
          database.write(
              "create a run of '" + run.jobName() + "'", c -> RunStore.insert(c, run, now)));
    }
    return database.inTransaction(
        "create a run of '" + run.jobName() + "' unless busy",
        c -> {
          database.dialect().lockKey(c, key);
          long active =
              Jdbc.queryOne(
                      c,
                      """
                      SELECT COUNT(*) FROM job_runs
                      WHERE concurrency_key = ? AND status IN ('pending', 'running')
                      """,
                      r -> r.getLong(1),
                      key)
                  .orElse(0L);
          if (active >= run.concurrencyLimit()) {
            return Optional.empty();
          }
          return Optional.of(RunStore.insert(c, run, now));
        });
  }

  DueTimes nextDueTimes() {
    return database.read(
        "find the next due times",
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    SELECT
                        (SELECT MIN(next_run_time) FROM job_schedules WHERE enabled) AS schedules,
                        (SELECT MIN(run_at) FROM job_runs WHERE status = 'pending') AS runs
                    """,
                    r -> new DueTimes(Jdbc.instant(r, "schedules"), Jdbc.instant(r, "runs")))
                .orElseThrow());
  }

  /**
   * Claims in one statement. A pending run is taken only while its concurrency key has room: the
   * runs of the key already running, plus the older due runs of the key that this same statement
   * may take, must be fewer than its limit; so one batch never takes two runs of an exclusive job.
   */
  List<JobRun> claim(Claim claim) {
    List<String> ahead = claim.aheadOnly() == null ? List.of() : claim.aheadOnly();
    if (claim.jobs().isEmpty() || (claim.aheadOnly() != null && ahead.isEmpty())) {
      return List.of();
    }
    Instant now = claim.now();
    List<Object> params = new ArrayList<>(List.<Object>of(now, now));
    params.addAll(database.dialect().oneOfValues(claim.jobs()));
    params.addAll(List.<Object>of(claim.limit(), claim.nodeId(), now, now, now));
    params.addAll(ahead);
    String sql =
        claims.computeIfAbsent(
            List.of(claim.jobs().size(), ahead.size()),
            key -> claimStatement(key.get(0), key.get(1)));
    List<JobRun> claimed;
    try {
      claimed =
          database.write(
              "claim due runs for node " + claim.nodeId(),
              c -> Jdbc.query(c, sql, RunStore::map, params.toArray()));
    } catch (DuplicateException raced) {
      // Another node took a run of the same exclusive job at the same moment; the unique index
      // refused this batch whole, and the next pass claims again.
      return List.of();
    }
    List<JobRun> ordered = new ArrayList<>(claimed);
    ordered.sort(Comparator.comparing(JobRun::runAt).thenComparingLong(JobRun::id));
    return ordered;
  }

  Optional<JobRun> claimOne(long runId, String nodeId, Instant now) {
    return database.write(
        "claim run " + runId + " for node " + nodeId,
        c ->
            Jdbc.queryOne(
                c,
                """
                UPDATE job_runs
                SET status = 'running', node_id = ?, start_time = ?, heartbeat_at = ?,
                    updated_at = ?
                WHERE id = ? AND status = 'pending'
                RETURNING \s"""
                    + RunStore.COLUMNS,
                RunStore::map,
                nodeId,
                now,
                now,
                now,
                runId));
  }

  List<RunningRun> heartbeat(String nodeId, Instant now) {
    return database.write(
        "heartbeat of node " + nodeId,
        c ->
            Jdbc.query(
                c,
                """
                UPDATE job_runs SET heartbeat_at = ?
                WHERE node_id = ? AND status = 'running'
                RETURNING id, cancel_requested
                """,
                r -> new RunningRun(r.getLong("id"), r.getBoolean("cancel_requested")),
                now,
                nodeId));
  }

  Optional<Boolean> flushProgress(long runId, String nodeId, ProgressSnapshot p, Instant now) {
    return database.write(
        "write progress of run " + runId,
        c ->
            Jdbc.queryOne(
                c,
                """
                UPDATE job_runs
                SET progress = ?, total_items = ?, processed_items = ?, status_message = ?,
                    metadata = ?, heartbeat_at = ?, updated_at = ?
                WHERE id = ? AND node_id = ? AND status = 'running'
                RETURNING cancel_requested
                """,
                r -> r.getBoolean("cancel_requested"),
                p.progress(),
                p.totalItems(),
                p.processedItems(),
                Jdbc.nullableText(p.statusMessage()),
                p.metadata(),
                now,
                now,
                runId,
                nodeId));
  }

  private static final String FINISH =
      """
      UPDATE job_runs
      SET status = ?, error_message = ?, end_time = ?, progress = ?,
          total_items = ?, processed_items = ?, status_message = ?, metadata = ?,
          updated_at = ?, start_time = COALESCE(?, start_time)
      WHERE id = ? AND node_id = ? AND status = 'running'
      RETURNING \s"""
          + RunStore.COLUMNS;

  /** Ends a run, with its retry or, when it completed, the runs of the chains that follow it. */
  Optional<Finished> finish(Completion f, Followers followers) {
    ProgressSnapshot p = f.progress();
    Object[] params = {
      f.status().value(),
      Jdbc.nullableText(f.errorMessage()),
      f.now(),
      p.progress(),
      p.totalItems(),
      p.processedItems(),
      Jdbc.nullableText(p.statusMessage()),
      p.metadata(),
      f.now(),
      Jdbc.nullableTime(f.startedAt()),
      f.runId(),
      f.nodeId()
    };
    String operation = "finish run " + f.runId() + " as " + f.status().value();
    Database.SqlWork<Optional<Finished>> plain =
        c ->
            withRetry(
                c, Jdbc.queryOne(c, FINISH, RunStore::map, params), f.retry(), f.now(), List.of());
    if (f.retry() != null) {
      // A retry follows a failure, which no chain follows.
      return database.inTransaction(operation, plain);
    }
    // Empty when a chain follows the run: then it is ended with its chain's runs below.
    Optional<Optional<Finished>> unfollowed =
        database.write(
            operation,
            c ->
                ChainStore.anyFollowed(c, List.of(f))
                    ? Optional.empty()
                    : Optional.of(plain.run(c)));
    if (unfollowed.isPresent()) {
      return unfollowed.get();
    }
    return database.inTransaction(
        operation,
        c -> {
          Optional<ChainStore.Ended> ended =
              Jdbc.queryOne(c, FINISH + ", " + ChainStore.FOLLOWED, ChainStore.Ended::map, params);
          List<JobRun> next =
              ended.isEmpty()
                  ? List.of()
                  : ChainStore.follow(c, List.of(ended.get()), followers, f.now())
                      .getOrDefault(f.runId(), List.of());
          return withRetry(c, ended.map(ChainStore.Ended::run), f.retry(), f.now(), next);
        });
  }

  private static Optional<Finished> withRetry(
      Connection c, Optional<JobRun> ended, NewRun retry, Instant now, List<JobRun> followers)
      throws SQLException {
    if (ended.isEmpty()) {
      return Optional.empty();
    }
    Optional<JobRun> planned =
        retry == null ? Optional.empty() : Optional.of(RunStore.insert(c, retry, now));
    return Optional.of(new Finished(ended.get(), planned, followers));
  }

  List<JobRun> dead(Instant heartbeatBefore, int limit) {
    return database.read(
        "find runs of dead nodes",
        c ->
            Jdbc.query(
                c,
                RunStore.SELECT
                    + "WHERE status = 'running' AND heartbeat_at < ? ORDER BY heartbeat_at LIMIT ?",
                RunStore::map,
                heartbeatBefore,
                limit));
  }

  Optional<Finished> reap(Reap r) {
    return database.inTransaction(
        "reap run " + r.runId() + " of node " + r.deadNodeId(),
        c -> {
          Optional<JobRun> ended =
              Jdbc.queryOne(
                  c,
                  """
                  UPDATE job_runs SET status = 'failed', error_message = ?, end_time = ?,
                      updated_at = ?
                  WHERE id = ? AND node_id = ? AND status = 'running' AND heartbeat_at < ?
                  RETURNING \s"""
                      + RunStore.COLUMNS,
                  RunStore::map,
                  r.message(),
                  r.now(),
                  r.now(),
                  r.runId(),
                  r.deadNodeId(),
                  r.heartbeatBefore());
          return withRetry(c, ended, r.retry(), r.now(), List.of());
        });
  }

  CancelOutcome requestCancel(long runId, Instant now) {
    return database.inTransaction(
        "cancel run " + runId,
        c -> {
          int cancelled =
              Jdbc.update(
                  c,
                  """
                  UPDATE job_runs SET status = 'cancelled', end_time = ?, updated_at = ?,
                      cancel_requested = TRUE, error_message = 'cancelled before it started'
                  WHERE id = ? AND status = 'pending'
                  """,
                  now,
                  now,
                  runId);
          if (cancelled == 1) {
            return CancelOutcome.CANCELLED;
          }
          int requested =
              Jdbc.update(
                  c,
                  """
                  UPDATE job_runs SET cancel_requested = TRUE, updated_at = ?
                  WHERE id = ? AND status = 'running'
                  """,
                  now,
                  runId);
          if (requested == 1) {
            return CancelOutcome.REQUESTED;
          }
          boolean exists =
              Jdbc.queryOne(c, "SELECT id FROM job_runs WHERE id = ?", r -> 1, runId).isPresent();
          return exists ? CancelOutcome.ALREADY_ENDED : CancelOutcome.NOT_FOUND;
        });
  }

  int prune(Instant endedBefore, int batchSize) {
    return database.inTransaction(
        "prune runs ended before " + endedBefore,
        c -> {
          // The batch is the first batchSize ended runs by id, so "id <= last of them" names
          // exactly that batch in both deletes.
          Optional<Long> last =
              Jdbc.query(
                      c,
                      """
                      SELECT id FROM job_runs
                      WHERE status IN ('completed', 'failed', 'cancelled') AND end_time < ?
                      ORDER BY id LIMIT ?
                      """,
                      r -> r.getLong("id"),
                      endedBefore,
                      batchSize)
                  .stream()
                  .reduce((first, second) -> second);
          if (last.isEmpty()) {
            return 0;
          }
          Jdbc.update(
              c,
              """
              DELETE FROM job_run_logs WHERE run_id IN (
                  SELECT id FROM job_runs
                  WHERE id <= ? AND status IN ('completed', 'failed', 'cancelled')
                    AND end_time < ?)
              """,
              last.get(),
              endedBefore);
          return Jdbc.update(
              c,
              """
              DELETE FROM job_runs
              WHERE id <= ? AND status IN ('completed', 'failed', 'cancelled') AND end_time < ?
              """,
              last.get(),
              endedBefore);
        });
  }
}
