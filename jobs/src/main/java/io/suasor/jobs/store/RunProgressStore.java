package io.suasor.jobs.store;

import static io.suasor.jobs.store.Jdbc.instant;

import java.time.Instant;
import java.util.List;

/**
 * What a run reports as it goes, written outside the engine's own progress writes: the
 * specification's progress calls, and a run's log lines.
 */
final class RunProgressStore {
  private final Database database;

  RunProgressStore(Database database) {
    this.database = database;
  }

  void updateProgress(long runId, int progress, String message, Instant now) {
    if (progress < 0 || progress > 100) {
      throw new IllegalArgumentException("progress must be 0 to 100, was " + progress);
    }
    database.write(
        "update progress of run " + runId,
        c ->
            Jdbc.update(
                c,
                """
                UPDATE job_runs SET progress = ?, status_message = ?, updated_at = ?
                WHERE id = ? AND status = 'running'
                """,
                progress,
                Jdbc.nullableText(message),
                now,
                runId));
  }

  void setTotalItems(long runId, long totalItems, Instant now) {
    if (totalItems < 0) {
      throw new IllegalArgumentException("totalItems must not be negative, was " + totalItems);
    }
    database.write(
        "set total items of run " + runId,
        c ->
            Jdbc.update(
                c,
                """
                UPDATE job_runs SET total_items = ?, updated_at = ?
                WHERE id = ? AND status = 'running'
                """,
                totalItems,
                now,
                runId));
  }

  /** One statement, so concurrent increments add up instead of overwriting each other. */
  void incrementProcessed(long runId, long count, Instant now) {
    database.write(
        "increment processed items of run " + runId,
        c ->
            Jdbc.update(
                c,
                """
                UPDATE job_runs
                SET processed_items = processed_items + ?,
                    progress = CASE
                        WHEN total_items <= 0 THEN progress
                        WHEN processed_items + ? >= total_items THEN 100
                        ELSE (processed_items + ?) * 100 / total_items
                    END,
                    updated_at = ?
                WHERE id = ? AND status = 'running'
                """,
                count,
                count,
                count,
                now,
                runId));
  }

  void appendLogs(long runId, List<LogLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    database.inTransaction(
        "append logs of run " + runId,
        c -> {
          try (var insert =
              c.prepareStatement(
                  "INSERT INTO job_run_logs (run_id, logged_at, level, message) VALUES (?, ?, ?, ?)")) {
            for (LogLine line : lines) {
              Jdbc.bind(insert, runId, line.loggedAt(), line.level(), line.message());
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  List<LogLine> logs(long runId) {
    return database.read(
        "read logs of run " + runId,
        c ->
            Jdbc.query(
                c,
                "SELECT logged_at, level, message FROM job_run_logs WHERE run_id = ? ORDER BY id",
                r ->
                    new LogLine(
                        instant(r, "logged_at"), r.getString("level"), r.getString("message")),
                runId));
  }
}
