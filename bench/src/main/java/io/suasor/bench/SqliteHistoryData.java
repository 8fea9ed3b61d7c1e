package io.suasor.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@link HistoryData}'s runs, the same spread row for row, in a migrated SQLite file: a recursive
 * CTE in one transaction, the table's secondary indexes dropped while it fills and rebuilt after
 * from their own definitions. No {@code ANALYZE}: the engine never runs it on SQLite (see {@code
 * SqliteDialect.refreshStatistics}), so the planner keeps its fixed rules, as on a server.
 */
final class SqliteHistoryData {
  private static final String INSERT =
      """
      WITH RECURSIVE g(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM g WHERE n < ?),
      r AS (SELECT n, (n * 2654435761) %% 1000003 AS h FROM g),
      x AS (SELECT n, h %% 9 AS k, (h / 97) %% 100 AS s, (h / 9) %% %d AS u, ? + (n - 1) * ? AS at
            FROM r),
      y AS (SELECT n, k, s, at, CASE k %s END AS name, CASE WHEN k < 4 THEN 1 + u END AS user_id
            FROM x)
      INSERT INTO job_runs (job_name, job_type, user_id, status, trigger_kind, attempt, run_at,
          start_time, end_time, progress, total_items, processed_items, error_message, node_id,
          concurrency_key, concurrency_limit, created_at, updated_at)
      SELECT name, CASE WHEN k < 4 THEN 'user' ELSE 'system' END, user_id,
             CASE WHEN s < 95 THEN 'completed' WHEN s < 99 THEN 'failed' ELSE 'cancelled' END,
             'schedule', 1, at, at + 5, at + 5 + (n %% 5000), 100, 10, 10,
             CASE WHEN s BETWEEN 95 AND 98 THEN 'the source did not answer' END,
             'node-' || (n %% 3), name || '|' || COALESCE(CAST(user_id AS TEXT), '-'), 1, at,
             at + 5 + (n %% 5000)
      FROM y
      """;

  private SqliteHistoryData() {}

  /** Adds {@code runs} ended runs, created evenly over the year before {@code now}. */
  static void fill(Connection c, long runs, Instant now) throws SQLException {
    List<String[]> indexes = secondaryIndexes(c);
    long first = now.minus(HistoryData.SPAN).toEpochMilli();
    long step = Math.max(1, HistoryData.SPAN.toMillis() / runs);
    String cases =
        String.join(
            " ",
            IntStream.range(0, HistoryData.JOBS.size())
                .mapToObj(k -> "WHEN " + k + " THEN '" + HistoryData.JOBS.get(k) + "'")
                .toList());
    String sql = INSERT.formatted(HistoryData.USERS, cases);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String[] index : indexes) {
        s.execute("DROP INDEX " + index[0]);
      }
      HistoryData.insertInChunks(c, sql, runs, first, step);
      for (String[] index : indexes) {
        long began = System.nanoTime();
        s.execute(index[1]);
        System.err.printf("  %s rebuilt in %.1f s%n", index[0], (System.nanoTime() - began) / 1e9);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Each secondary index of {@code job_runs} as its name and its CREATE statement. */
  private static List<String[]> secondaryIndexes(Connection c) throws SQLException {
    List<String[]> found = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'job_runs' AND sql IS NOT NULL
                ORDER BY name
                """)) {
      while (r.next()) {
        found.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return found;
  }
}
