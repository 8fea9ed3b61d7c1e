package io.suasor.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the engine's claim reads {@code job_runs}: its text as pg_stat_statements recorded it (so the
 * bench holds no copy of it), explained with ANALYZE on a database given {@code pending} due runs
 * first, as the planner's custom plan and as the generic plan a prepared statement may settle on.
 * All in a transaction rolled back.
 */
final class ClaimPlan {
  private ClaimPlan() {}

  /**
   * The claim's text with its parameters, as a session of {@code database} last ran it: from
   * pg_stat_activity, since pg_stat_statements replaces its constants by parameters too. The form
   * that starts the runs it takes (not the one that holds runs ahead of free workers).
   */
  static Optional<String> claimText(Connection admin, String database) throws SQLException {
    try (PreparedStatement s =
        admin.prepareStatement(
            """
            SELECT query FROM pg_stat_activity
            WHERE datname = ? AND query LIKE 'WITH picked%'
              AND query LIKE '%SET status = ''running'', node_id%'
            LIMIT 1""")) {
      s.setString(1, database);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  /** The plan's lines, custom plan first, then the generic one. */
  static List<String> explain(Connection c, String claim, int pending, Instant now)
      throws SQLException {
    long at = now.toEpochMilli();
    List<String> lines = new ArrayList<>();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO job_runs (job_name, job_type, status, trigger_kind, attempt, run_at,
              concurrency_limit, created_at, updated_at)
          SELECT 'bench.noop', 'system', 'pending', 'manual', 1, %d - g, 0, %d, %d
          FROM generate_series(1, %d) AS g"""
              .formatted(at, at, at, pending));
      s.execute("ANALYZE job_runs");
      s.execute("PREPARE claim AS " + claim);
      String execute =
          "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE claim(%d, %d, '{bench.noop}', 100,"
              + " 'plan', %d, %d, %d)";
      for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
        s.execute("SET LOCAL plan_cache_mode = " + mode);
        lines.add("-- " + mode);
        try (ResultSet r = s.executeQuery(execute.formatted(at, at, at, at, at))) {
          while (r.next()) {
            lines.add(r.getString(1));
          }
        }
      }
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
    return lines;
  }
}
