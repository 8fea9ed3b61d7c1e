package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends many runs in one statement: the fenced update of {@link EngineStore}'s finish, joined with a
 * list of finished runs. Under load the engine's workers end runs faster than one statement each
 * could record them, and one statement (and one commit) for a batch costs the database far less.
 * When a chain follows a completed run, its runs are inserted in the same transaction.
 */
final class CompletionStore {
  private static final String ROW =
      "(CAST(? AS BIGINT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT),"
          + " CAST(? AS INTEGER), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT),"
          + " CAST(? AS TEXT), CAST(? AS BIGINT))";

  private final Database database;
  private final Map<Integer, String> statements = new ConcurrentHashMap<>();
  private final Map<Integer, String> followedStatements = new ConcurrentHashMap<>();

  CompletionStore(Database database) {
    this.database = database;
  }

  /** The runs that ended, by id; a run missing from the answer was no longer this node's. */
  Map<Long, Finished> finishAll(List<Completion> completions, Followers followers) {
    if (completions.isEmpty()) {
      return Map.of();
    }
    if (completions.size() > JobRepository.MAX_FINISH_BATCH) {
      throw new IllegalArgumentException(
          "at most " + JobRepository.MAX_FINISH_BATCH + " completions at once");
    }
    Object[] params = new Object[completions.size() * 11];
    int i = 0;
    for (Completion c : completions) {
      if (c.retry() != null) {
        throw new IllegalArgumentException("a completion with a retry needs finishRun");
      }
      ProgressSnapshot p = c.progress();
      params[i++] = c.runId();
      params[i++] = c.nodeId();
      params[i++] = c.status().value();
      params[i++] = Jdbc.nullableText(c.errorMessage());
      params[i++] = c.now();
      params[i++] = p.progress();
      params[i++] = p.totalItems();
      params[i++] = p.processedItems();
      params[i++] = Jdbc.nullableText(p.statusMessage());
      params[i++] = p.metadata();
      params[i++] = Jdbc.nullableTime(c.startedAt());
    }
    String operation = "finish " + completions.size() + " runs";
    String plain = statements.computeIfAbsent(completions.size(), rows -> statement(rows, false));
    // Null when a chain follows one of the runs: then the ends are written with its runs below.
    List<JobRun> unfollowed =
        database.write(
            operation,
            c ->
                ChainStore.anyFollowed(c, completions)
                    ? null
                    : Jdbc.query(c, plain, RunStore::map, params));
    if (unfollowed != null) {
      Map<Long, Finished> byId = new HashMap<>();
      unfollowed.forEach(run -> byId.put(run.id(), new Finished(run, Optional.empty(), List.of())));
      return Collections.unmodifiableMap(byId);
    }
    String sql =
        followedStatements.computeIfAbsent(completions.size(), rows -> statement(rows, true));
    Instant now = completions.get(0).now();
    return database.inTransaction(
        operation,
        c -> {
          List<ChainStore.Ended> ended = Jdbc.query(c, sql, ChainStore.Ended::map, params);
          Map<Long, List<JobRun>> next = ChainStore.follow(c, ended, followers, now);
          Map<Long, Finished> byId = new HashMap<>();
          for (ChainStore.Ended e : ended) {
            long id = e.run().id();
            byId.put(id, new Finished(e.run(), Optional.empty(), next.getOrDefault(id, List.of())));
          }
          return Collections.unmodifiableMap(byId);
        });
  }

  /** The batched end; with {@code followed}, its RETURNING also tells which runs chains follow. */
  private static String statement(int rows, boolean followed) {
    return """
        WITH finished (f_id, f_node, f_status, f_error, f_end, f_progress, f_total, f_processed,
                       f_message, f_metadata, f_start) AS (
            VALUES %s
        )
        UPDATE job_runs
        SET status = f_status, error_message = f_error, end_time = f_end, progress = f_progress,
            total_items = f_total, processed_items = f_processed, status_message = f_message,
            metadata = f_metadata, updated_at = f_end, start_time = COALESCE(f_start, start_time)
        FROM finished
        WHERE id = f_id AND node_id = f_node AND status = 'running'
        RETURNING %s"""
        .formatted(
            String.join(",\n        ", Collections.nCopies(rows, ROW)),
            followed ? RunStore.COLUMNS + ", " + ChainStore.FOLLOWED : RunStore.COLUMNS);
  }
}
