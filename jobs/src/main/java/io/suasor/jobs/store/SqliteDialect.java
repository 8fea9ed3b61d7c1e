package io.suasor.jobs.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** SQLite: one file, one writer connection, so no row locks are needed to claim work. */
final class SqliteDialect implements Dialect {
  /** SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY extended result codes. */
  private static final int CONSTRAINT_UNIQUE = 2067;

  private static final int CONSTRAINT_PRIMARY_KEY = 1555;

  @Override
  public String id() {
    return "sqlite";
  }

  @Override
  public String skipLockedSuffix() {
    return "";
  }

  @Override
  public String oneOf(String expression, int count) {
    return expression + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
  }

  @Override
  public List<Object> oneOfValues(List<String> texts) {
    return List.copyOf(texts);
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    int code = e.getErrorCode();
    return code == CONSTRAINT_UNIQUE
        || code == CONSTRAINT_PRIMARY_KEY
        || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
  }

  @Override
  public void lockKey(Connection connection, String key) {
    // The single writer connection already serialises every write transaction.
  }

  /**
   * Nothing: without the tables {@code ANALYZE} writes, SQLite plans by its fixed rules, which walk
   * the claim index in order whatever the table holds.
   */
  @Override
  public void refreshStatistics(Connection connection, String table) {}

  @Override
  public void announceClaimable(Connection connection) {
    // One node per SQLite file: no other node to tell.
  }

  @Override
  public boolean supportsMultipleNodes() {
    return false;
  }
}
