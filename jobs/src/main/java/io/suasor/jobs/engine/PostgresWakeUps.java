package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@code suasor_jobs} channel, which the schema's triggers notify when runs
 * are inserted, schedules become due earlier, or a running run is asked to cancel, and wakes the
 * engine. Waiting for a notification sends nothing to the server, so an idle node stays quiet.
 */
final class PostgresWakeUps implements Runnable {
  static final String CHANNEL = "suasor_jobs";
  private static final int WAIT_MILLIS = 1_000;

  private final Database database;
  private final JobEngine engine;
  private final OutageLog outage =
      new OutageLog(LoggerFactory.getLogger(PostgresWakeUps.class), "the LISTEN connection");
  private volatile boolean running = true;

  PostgresWakeUps(Database database, JobEngine engine) {
    this.database = database;
    this.engine = engine;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try (Connection connection = database.dedicatedConnection()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        outage.recovered();
        // Anything could have happened while we were not listening.
        engine.wakeUp();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null && notifications.length > 0) {
            deliver(notifications);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        outage.failed(e);
        sleep(outage.backoff());
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

  private void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
