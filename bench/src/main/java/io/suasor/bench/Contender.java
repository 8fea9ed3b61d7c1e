package io.suasor.bench;

import java.time.Instant;
import java.util.List;

/**
 * One scheduler under test, on one fresh database. The harness creates work before {@link #start()}
 * for burn-down, and after it for lateness.
 */
interface Contender extends AutoCloseable {

  /** Creates {@code runs} one-off runs due now, through the scheduler's own API. */
  void createDueNow(int runs, boolean reportProgress) throws Exception;

  void start() throws Exception;

  /** Creates one run due at each instant (a future one), through the scheduler's own API. */
  void createDueAt(List<Instant> dues) throws Exception;

  /** Stops the scheduler and releases its connections. */
  @Override
  void close() throws Exception;
}
