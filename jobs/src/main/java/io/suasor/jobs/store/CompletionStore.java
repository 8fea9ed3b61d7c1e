package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends runs, each fenced by ownership: one run with its retry in the same transaction, many runs in
 * one statement (the same fenced update joined with a list of finished runs), and a dead node's
 * run. Under load the engine's workers end runs faster than one statement each could record them,
 * and one statement (and one commit) for a batch costs the database far less. When a chain follows
 * a completed run, its runs are inserted in the same transaction.
 */
final class CompletionStore {
  private static final String ROW =
      "(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),"
          + " CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT),"
          + " CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT))";

  /** The values of one row of the batched write ({@link #ROW}). */
  private static final int COLUMNS = 12;

  private final Database database;
  private final Map<Integer, String> statements = new ConcurrentHashMap<>();
  private final Map<Integer, String> followedStatements = new ConcurrentHashMap<>();

  CompletionStore(Database database) {
    this.database = database;
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

  /**
   * Starts held runs and ends runs, in one statement when no chain follows any of them. A run both
   * started and ended here is written once, as its end, fenced on the run still being held pending
   * by the node: so a short run claimed ahead costs no write for its start.
   */
  Recorded record(List<HeldStart> starts, List<Completion> completions, Followers followers) {
    int rows = starts.size() + completions.size();
    if (rows == 0) {
      return Recorded.NOTHING;
    }
    if (rows > JobRepository.MAX_FINISH_BATCH) {
      throw new IllegalArgumentException(
          "at most " + JobRepository.MAX_FINISH_BATCH + " starts and completions at once");
    }
    Map<Long, HeldStart> held = new HashMap<>();
    starts.forEach(start -> held.put(start.runId(), start));
    List<Object> params = new ArrayList<>(rows * COLUMNS);
    for (Completion c : completions) {
      if (c.retry() != null) {
        throw new IllegalArgumentException("a completion with a retry needs finishRun");
      }
      HeldStart start = held.remove(c.runId());
      Instant began = start == null ? c.startedAt() : start.startedAt();
      addRow(params, c.runId(), c.nodeId(), c.status(), start != null, c, began);
    }
    for (HeldStart start : held.values()) {
      addRow(
          params, start.runId(), start.nodeId(), JobStatus.RUNNING, true, null, start.startedAt());
    }
    int written = params.size() / COLUMNS;
    for (int row = 0; row < written; row++) {
      params.add(params.get(row * COLUMNS));
    }
    String operation = "record " + written + " run starts and ends";
    String plain = statements.computeIfAbsent(written, n -> statement(n, false));
    // Null when a chain follows one of the runs: then the ends are written with its runs below.
    List<JobRun> unfollowed =
        database.write(
            operation,
            c ->
                ChainStore.anyFollowed(c, completions)
                    ? null
                    : Jdbc.query(c, plain, RunStore::map, params.toArray()));
    if (unfollowed != null) {
      return recorded(
          unfollowed.stream().map(run -> new ChainStore.Ended(run, false)).toList(), Map.of());
    }
    String sql = followedStatements.computeIfAbsent(written, n -> statement(n, true));
    Instant now = completions.get(0).now();
    return database.inTransaction(
        operation,
        c -> {
          List<ChainStore.Ended> ended =
              Jdbc.query(c, sql, ChainStore.Ended::map, params.toArray());
          return recorded(ended, ChainStore.follow(c, ended, followers, now));
        });
  }

  /**
   * One row of the batched write: an end ({@code end} given), or the start of a held run; {@code
   * fromHeld} fences it on the run being held pending rather than running.
   */
  private static void addRow(
      List<Object> params,
      long runId,
      String nodeId,
      JobStatus status,
      boolean fromHeld,
      Completion end,
      Instant began) {
    ProgressSnapshot p = end == null ? ProgressSnapshot.NONE : end.progress();
    params.add(runId);
    params.add(nodeId);
    params.add(status.value());
    params.add(fromHeld ? JobStatus.PENDING.value() : JobStatus.RUNNING.value());
    params.add(Jdbc.nullableText(end == null ? null : end.errorMessage()));
    params.add(Jdbc.nullableTime(end == null ? null : end.now()));
    params.add(p.progress());
    params.add(p.totalItems());
    params.add(p.processedItems());
    params.add(Jdbc.nullableText(p.statusMessage()));
    params.add(p.metadata());
    params.add(Jdbc.nullableTime(began));
  }

  private static Recorded recorded(List<ChainStore.Ended> rows, Map<Long, List<JobRun>> next) {
    Map<Long, JobRun> started = new HashMap<>();
    Map<Long, Finished> ended = new HashMap<>();
    for (ChainStore.Ended e : rows) {
      long id = e.run().id();
      if (e.run().status() == JobStatus.RUNNING) {
        started.put(id, e.run());
      } else {
        ended.put(id, new Finished(e.run(), Optional.empty(), next.getOrDefault(id, List.of())));
      }
    }
    return new Recorded(Collections.unmodifiableMap(started), Collections.unmodifiableMap(ended));
  }

  /**
   * The batched write; with {@code followed}, its RETURNING also tells which runs chains follow. A
   * start's row has no end time and keeps the run's pending progress; the change time of either is
   * its end, or its start. The last condition names the runs' ids once more, as parameters, so that
   * the planner reads exactly those rows by primary key: from "id = f_id" alone it does not see how
   * few they are, and measured, most batches of a PostgreSQL burn-down then read the whole table
   * into a hash join (1.4 ms a batch). Reading them instead from the running and held runs' partial
   * indexes (as this did before) cost more with every run ended since the last vacuum, whose dead
   * entries stay there: on ten million runs of history, 0.59 ms a batch against 0.24 (SCALING.md).
   */
  private static String statement(int rows, boolean followed) {
    return """
        WITH finished (f_id, f_node, f_status, f_from, f_error, f_end, f_progress, f_total,
                       f_processed, f_message, f_metadata, f_start) AS (
            VALUES %s
        )
        UPDATE job_runs
        SET status = f_status, error_message = f_error, end_time = f_end, progress = f_progress,
            total_items = f_total, processed_items = f_processed, status_message = f_message,
            metadata = f_metadata, updated_at = COALESCE(f_end, f_start),
            start_time = COALESCE(f_start, start_time)
        FROM finished
        WHERE id = f_id AND node_id = f_node AND status = f_from
          AND id IN (%s)
        RETURNING %s"""
        .formatted(
            String.join(",\n        ", Collections.nCopies(rows, ROW)),
            String.join(", ", Collections.nCopies(rows, "?")),
            followed ? RunStore.COLUMNS + ", " + ChainStore.FOLLOWED : RunStore.COLUMNS);
  }
}
