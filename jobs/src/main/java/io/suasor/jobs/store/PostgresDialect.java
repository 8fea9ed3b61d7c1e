package io.suasor.jobs.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** PostgreSQL: concurrent nodes claim with SKIP LOCKED and serialise checks with advisory locks. */
final class PostgresDialect implements Dialect {
  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public String id() {
    return "postgresql";
  }

  @Override
  public String skipLockedSuffix() {
    return "FOR UPDATE SKIP LOCKED";
  }

  @Override
  public String oneOf(String expression, int count) {
    return expression + " = ANY(?)";
  }

  @Override
  public List<Object> oneOfValues(List<String> texts) {
    return List.of(new Jdbc.TextArray(texts));
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  @Override
  public void lockKey(Connection connection, String key) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, key);
      lock.execute();
    }
  }

  /**
   * {@code ANALYZE}, skipped while another session analyses the table (several nodes after one fire
   * storm). Without it, a table whose last statistics saw no pending runs keeps being planned as
   * such: the claim then reads and sorts every pending run, and checks each one's concurrency key,
   * instead of walking the claim index in order (217 ms a claim against 0.6 ms with 10,000 pending
   * runs of users' jobs, docs/SCALING.md).
   */
  @Override
  public void refreshStatistics(Connection connection, String table) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("ANALYZE (SKIP_LOCKED) " + table);
    }
  }

  /**
   * The notification of V2's {@code job_runs_inserted} trigger. Sent here rather than by a trigger
   * on {@code UPDATE OF node_id}: every claim sets node_id, so such a trigger's condition would be
   * evaluated on every claimed run for the rare give-back.
   */
  @Override
  public void announceClaimable(Connection connection) throws SQLException {
    try (PreparedStatement notify =
        connection.prepareStatement("SELECT pg_notify('suasor_jobs', 'run')")) {
      notify.execute();
    }
  }

  @Override
  public boolean supportsMultipleNodes() {
    return true;
  }
}
