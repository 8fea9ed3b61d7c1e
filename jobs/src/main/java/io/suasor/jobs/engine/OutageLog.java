package io.suasor.jobs.engine;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Logs an outage (of the database, usually) once when it starts and once when it ends, not once per
 * failed attempt, and spaces the attempts out with a growing backoff meanwhile.
 */
final class OutageLog {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final Logger log;
  private final String what;
  private int failures;
  private long startedNanos;

  OutageLog(Logger log, String what) {
    this.log = log;
    this.what = what;
  }

  synchronized void failed(Throwable e) {
    if (failures == 0) {
      startedNanos = System.nanoTime();
      log.error("{} failed; retrying with backoff until it works again", what, e);
    } else {
      log.debug("{} failed again ({} in a row)", what, failures + 1, e);
    }
    failures++;
  }

  synchronized void recovered() {
    if (failures > 0) {
      log.info(
          "{} works again after {} failed attempts over {} ms",
          what,
          failures,
          Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
      failures = 0;
    }
  }

  synchronized Duration backoff() {
    long factor = 1L << Math.min(Math.max(failures - 1, 0), 10);
    Duration next = FIRST_BACKOFF.multipliedBy(factor);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }
}
