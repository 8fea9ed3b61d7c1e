package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.EventRecorder;
import io.suasor.jobs.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Engine nodes of one test on a new database of the subclass's kind, sharing a settable clock and
 * an event recorder; stopped, and the database closed, after the test.
 */
abstract class EngineNodes {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  final SettableClock clock = new SettableClock(start());
  final EventRecorder events = new EventRecorder();
  final List<JobEngine> engines = new ArrayList<>();
  Database database;

  abstract Database newDatabase();

  /** Where the shared clock starts; a constant, since it is read before the subclass is built. */
  Instant start() {
    return START;
  }

  @BeforeEach
  void open() {
    database = newDatabase();
  }

  @AfterEach
  void close() {
    engines.forEach(JobEngine::stop);
    database.close();
  }
}
