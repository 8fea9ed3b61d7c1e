package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * SQLite has no notifications; this watches {@code PRAGMA data_version}, which changes when any
 * other connection (another process such as the CLI, or the engine's own pool) commits, and wakes
 * the engine, so a run inserted by another process starts in about half a second rather than at the
 * next poll. The check reads the file header only: it costs the database nothing to speak of.
 */
final class SqliteWakeUps implements Runnable {
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

  private final Database database;
  private final JobEngine engine;
  private final OutageLog outage =
      new OutageLog(LoggerFactory.getLogger(SqliteWakeUps.class), "watching the SQLite file");
  private volatile boolean running = true;

  SqliteWakeUps(Database database, JobEngine engine) {
    this.database = database;
    this.engine = engine;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try (Connection connection = database.dedicatedConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT_MILLIS);
        long seen = dataVersion(statement);
        outage.recovered();
        while (running) {
          pause(CHECK_INTERVAL);
          long now = dataVersion(statement);
          if (now != seen) {
            seen = now;
            engine.wakeUp();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        outage.failed(e);
        pause(outage.backoff());
      }
    }
  }

  private static long dataVersion(Statement statement) throws SQLException {
    try (ResultSet row = statement.executeQuery("PRAGMA data_version")) {
      row.next();
      return row.getLong(1);
    }
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
