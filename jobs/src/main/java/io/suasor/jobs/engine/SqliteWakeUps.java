package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * SQLite has no notifications; this watches {@code PRAGMA data_version}, which changes when any
 * other connection (another process such as the CLI, or the engine's own pool) commits, and wakes
 * the engine, so a run inserted by another process starts in about half a second rather than at the
 * next poll. The check reads the file header only: it costs the database nothing to speak of.
 */
final class SqliteWakeUps extends DatabaseWatcher {
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

  SqliteWakeUps(Database database, JobEngine engine) {
    super(database, engine, "watching the SQLite file");
  }

  @Override
  void open(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MILLIS);
    }
  }

  @Override
  void watch(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      long seen = dataVersion(statement);
      while (running()) {
        pause(CHECK_INTERVAL);
        long now = dataVersion(statement);
        if (now != seen) {
          seen = now;
          engine.wakeUp();
        }
      }
    }
  }

  private static long dataVersion(Statement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery("PRAGMA data_version")) {
      row.next();
      return row.getLong(1);
    }
  }
}
