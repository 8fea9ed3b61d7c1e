package io.suasor.jobs.engine;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Logs a database outage once when it starts and once when it ends, not once per failed pass, and
 * spaces the passes out with a growing backoff meanwhile.
 */
final class OutageLog {
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final Logger log;
  private int failures;
  private long startedNanos;

  OutageLog(Logger log) {
    this.log = log;
  }

  synchronized void failed(Throwable e) {
    if (failures == 0) {
      startedNanos = System.nanoTime();
      log.error("the job engine's pass failed; retrying with backoff until it works again", e);
    } else {
      log.debug("the job engine's pass failed again ({} in a row)", failures + 1, e);
    }
    failures++;
  }

  synchronized void recovered() {
    if (failures > 0) {
      log.info(
          "the job engine works again after {} failed passes over {} ms",
          failures,
          Duration.ofNanos(System.nanoTime() - startedNanos).toMillis());
      failures = 0;
    }
  }

  synchronized Duration backoff() {
    long factor = 1L << Math.min(failures - 1, 10);
    Duration next = FIRST_BACKOFF.multipliedBy(factor);
    return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
  }
}
