package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The engine's other reads and writes: fire, create unless busy, due times, heartbeat, progress,
 * dead runs, cancel, prune. Claims are {@link ClaimStore}'s, ends {@link CompletionStore}'s.
 */
final class EngineStore {
  private final Database database;

  EngineStore(Database database) {
    this.database = database;
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

  /**
   * One transaction of firing: takes up to {@code limit} due schedules (skipping those other nodes
   * are firing), plans each one's firing, moves their next run times in one batch and inserts all
   * their runs at once. The unique (schedule, fire instant) key still backs the row locks.
   */
  FiredBatch fireDue(Instant now, int limit, Function<JobSchedule, Fire> plan) {
    // A node asks at every poll; when nothing is due, one read answers, as before batches, rather
    // than a transaction (three statements). Ordered, so that it walks the due index from its
    // start: unordered, the planner read the table, 48 ms a call in a storm of 100,000 schedules.
    boolean anyDue =
        database.read(
            "find due schedules",
            c ->
                Jdbc.queryOne(
                        c,
                        """
                        SELECT next_run_time FROM job_schedules
                        WHERE enabled AND next_run_time <= ? ORDER BY next_run_time LIMIT 1
                        """,
                        r -> true,
                        now)
                    .isPresent());
    if (!anyDue) {
      return new FiredBatch(0, List.of());
    }
    return database.inTransaction(
        "fire due schedules",
        c -> {
          List<JobSchedule> due = ScheduleStore.takeDue(c, database.dialect(), now, limit);
          if (due.isEmpty()) {
            return new FiredBatch(0, List.of());
          }
          List<Fire> fires = new ArrayList<>(due.size());
          for (JobSchedule schedule : due) {
            fires.add(plan.apply(schedule));
          }
          Set<Long> advanced = ScheduleStore.advanceAll(c, fires);
          List<NewRun> runs = new ArrayList<>();
          for (Fire fire : fires) {
            if (advanced.contains(fire.scheduleId())) {
              runs.addAll(fire.runs());
            }
          }
          return new FiredBatch(due.size(), RunStore.insertAll(c, runs, now));
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

  /**
   * Each the first entry of its partial index, not a MIN: on a large history the statistics say
   * almost nothing is pending, and PostgreSQL then answered MIN by reading every entry of the claim
   * index, the dead ones of claimed runs too, until vacuum came (0.9 s with 20,000 runs pending
   * among ten million).
   */
  DueTimes nextDueTimes() {
    return database.read(
        "find the next due times",
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    SELECT
                        (SELECT next_run_time FROM job_schedules
                         WHERE enabled AND next_run_time IS NOT NULL
                         ORDER BY next_run_time LIMIT 1) AS schedules,
                        (SELECT run_at FROM job_runs WHERE status = 'pending' AND node_id IS NULL
                         ORDER BY run_at LIMIT 1) AS runs
                    """,
                    r -> new DueTimes(Jdbc.instant(r, "schedules"), Jdbc.instant(r, "runs")))
                .orElseThrow());
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

  /**
   * Running runs with a stale heartbeat, and runs held pending by a node that stopped stamping them
   * (to give back): one statement, two selects, so that each reads its own partial index.
   */
  List<JobRun> dead(Instant heartbeatBefore, int limit) {
    return database.read(
        "find runs of dead nodes",
        c ->
            Jdbc.query(
                c,
                RunStore.SELECT
                    + "WHERE status = 'running' AND heartbeat_at < ? UNION ALL "
                    + RunStore.SELECT
                    + "WHERE status = 'pending' AND node_id IS NOT NULL AND heartbeat_at < ?"
                    + " ORDER BY heartbeat_at LIMIT ?",
                RunStore::map,
                heartbeatBefore,
                heartbeatBefore,
                limit));
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
