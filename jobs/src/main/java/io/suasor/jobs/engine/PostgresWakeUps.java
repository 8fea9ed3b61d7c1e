package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@code suasor_jobs} channel, which the schema's triggers notify when runs
 * are inserted, schedules become due earlier, or a running run is asked to cancel, and wakes the
 * engine. Waiting for a notification sends nothing to the server, so an idle node stays quiet.
 */
final class PostgresWakeUps extends DatabaseWatcher {
  static final String CHANNEL = "suasor_jobs";
  private static final int WAIT_MILLIS = 1_000;

  PostgresWakeUps(Database database, JobEngine engine) {
    super(database, engine, "the LISTEN connection");
  }

  @Override
  void open(Connection connection) throws SQLException {
    try (Statement listen = connection.createStatement()) {
      listen.execute("LISTEN " + CHANNEL);
    }
  }

  @Override
  void watch(Connection connection) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    while (running()) {
      PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
      if (notifications != null && notifications.length > 0) {
        deliver(notifications);
      }
    }
  }

  private void deliver(PGNotification[] notifications) {
    for (PGNotification notification : notifications) {
      String payload = notification.getParameter();
      if (payload != null && payload.startsWith("cancel:")) {
        try {
          engine.signalCancel(Long.parseLong(payload.substring("cancel:".length())));
        } catch (NumberFormatException e) {
          LoggerFactory.getLogger(PostgresWakeUps.class).warn("ignored notification '{}'", payload);
        }
      }
    }
    engine.wakeUp();
  }
}
