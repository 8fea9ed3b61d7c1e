package io.suasor.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the exactly-once keys still refuse a second run on a database (plain or partitioned by
 * {@link RunPartitions}): each check writes in a transaction it rolls back, and says what the
 * database answered. The two runs of each check are created 40 days apart, so in two partitions.
 */
final class PartitionChecks {
  private static final String SCHEDULE =
      """
      INSERT INTO job_schedules (id, name, job_name, job_type, frequency, time_zone, enabled, config,
          misfire_policy, created_at, updated_at)
      VALUES (900000001, 'partition-check', 'bench.noop', 'system', 'daily', 'UTC', false, '{}',
          'skip', 0, 0)""";

  private static final String RUN =
      """
      INSERT INTO job_runs (job_name, job_type, schedule_id, status, trigger_kind, attempt,
          scheduled_for, after_run_id, run_at, concurrency_key, concurrency_limit, node_id,
          created_at, updated_at)
      VALUES ('bench.noop', 'system', 900000001, '%s', 'schedule', 1, %s, %s, %d, %s, 1, %s, %d, %d)""";

  private PartitionChecks() {}

  /** One line per check: what was tried and what the database answered. */
  static List<String> run(Connection c, Instant now) throws SQLException {
    long a = now.minus(Duration.ofDays(40)).toEpochMilli();
    long b = now.toEpochMilli();
    List<String> out = new ArrayList<>();
    out.add(
        check(
            c,
            "a second run of one fire instant",
            RUN.formatted("pending", a, "NULL", a, "NULL", "NULL", a, a),
            RUN.formatted("pending", a, "NULL", b, "NULL", "NULL", b, b)));
    out.add(
        check(
            c,
            "a second running run of one exclusive key",
            RUN.formatted("running", "NULL", "NULL", a, "'k'", "'n1'", a, a),
            RUN.formatted("pending", "NULL", "NULL", b, "'k'", "NULL", b, b),
            "UPDATE job_runs SET status = 'running', node_id = 'n2' WHERE created_at = " + b));
    out.add(
        check(
            c,
            "a second run after one finished run (the engine's ON CONFLICT statement)",
            RUN.formatted("pending", "NULL", "7", a, "NULL", "NULL", a, a),
            RUN.formatted("pending", "NULL", "7", b, "NULL", "NULL", b, b)
                + " ON CONFLICT (schedule_id, after_run_id) WHERE after_run_id IS NOT NULL"
                + " DO NOTHING"));
    return out;
  }

  /** Whether PostgreSQL detaches concurrently from a table that has a default partition. */
  static String detachWithDefault(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE check_parts (at BIGINT) PARTITION BY RANGE (at)");
      s.execute("CREATE TABLE check_parts_1 PARTITION OF check_parts FOR VALUES FROM (0) TO (10)");
      s.execute("CREATE TABLE check_parts_default PARTITION OF check_parts DEFAULT");
      try {
        s.execute("ALTER TABLE check_parts DETACH PARTITION check_parts_1 CONCURRENTLY");
        return "DETACH … CONCURRENTLY with a default partition: accepted";
      } catch (SQLException e) {
        return "DETACH … CONCURRENTLY with a default partition: " + e.getMessage();
      } finally {
        s.execute("DROP TABLE check_parts");
      }
    }
  }

  private static String check(Connection c, String what, String... statements) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(SCHEDULE);
      int last = 0;
      for (String sql : statements) {
        last = s.executeUpdate(sql);
      }
      return what + ": accepted (" + last + " row(s) by the last statement)";
    } catch (SQLException e) {
      return what
          + ": refused, "
          + e.getSQLState()
          + " "
          + e.getMessage().lines().findFirst().orElse("");
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }
}
