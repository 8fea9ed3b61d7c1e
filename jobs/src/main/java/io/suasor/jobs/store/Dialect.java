package io.suasor.jobs.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the databases the engine runs on. Everything else is one SQL text shared by
 * both; keep this interface to the differences.
 */
public interface Dialect {
  /** The folder name of this dialect's migrations, and its name in messages. */
  String id();

  /**
   * The row lock suffix that lets concurrent claimers skip each other's candidates; empty where the
   * database has a single writer anyway.
   */
  String skipLockedSuffix();

  /**
   * A condition that {@code expression} is one of {@code count} texts, bound by {@link
   * #oneOfValues}: one array parameter where the database has arrays (one statement text for any
   * count), one placeholder per text elsewhere.
   */
  String oneOf(String expression, int count);

  /** The bound values of {@link #oneOf} for {@code texts}. */
  List<Object> oneOfValues(List<String> texts);

  /** Whether {@code e} reports a unique-constraint violation. */
  boolean isUniqueViolation(SQLException e);

  /**
   * Serialises writers of one logical key for the rest of the transaction, so that a check followed
   * by an insert cannot interleave with another node's. A no-op with a single writer.
   */
  void lockKey(Connection connection, String key) throws SQLException;

  /**
   * Brings the planner's statistics of {@code table} up to date after many rows were added at once,
   * so that the next statements are planned for the rows that are there; a no-op where the planner
   * does not keep statistics of its own.
   */
  void refreshStatistics(Connection connection, String table) throws SQLException;

  /**
   * Tells the other nodes, when the transaction of {@code connection} commits, that runs became
   * claimable that no insert announced (runs given back). A no-op where only one node runs.
   */
  void announceClaimable(Connection connection) throws SQLException;

  /** Whether several engine nodes may share this database. */
  boolean supportsMultipleNodes();
}
