package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * A thread that holds a connection of its own to notice changes other writers make and wake the
 * engine. Losing the connection is an outage: logged once, retried with backoff, and the engine is
 * woken on reconnecting, since anything could have changed meanwhile.
 */
abstract class DatabaseWatcher implements Runnable {
  private final Database database;
  private final OutageLog outage;
  protected final JobEngine engine;
  private volatile boolean running = true;

  DatabaseWatcher(Database database, JobEngine engine, String what) {
    this.database = database;
    this.engine = engine;
    this.outage = new OutageLog(LoggerFactory.getLogger(getClass()), what);
  }

  void stop() {
    running = false;
  }

  boolean running() {
    return running;
  }

  /** Prepares the fresh connection (LISTEN, pragmas) before {@link #watch} runs on it. */
  abstract void open(Connection connection) throws SQLException;

  /** Watches until the watcher stops or the connection fails. */
  abstract void watch(Connection connection) throws SQLException;

  @Override
  public final void run() {
    while (running) {
      try (Connection connection = database.dedicatedConnection()) {
        open(connection);
        outage.recovered();
        engine.wakeUp();
        watch(connection);
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        outage.failed(e);
        pause(outage.backoff());
      }
    }
  }

  void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
