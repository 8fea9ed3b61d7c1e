package io.suasor.jobs.engine;

import io.suasor.jobs.RunLog;
import io.suasor.jobs.store.LogLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * A run's log: lines go to SLF4J at once and wait here until the next progress write stores them.
 * Only the first {@code limit} lines are kept with the run; the rest go to SLF4J only, and one
 * closing line says how many were not kept.
 */
final class RunLogBuffer implements RunLog {
  private final Logger logger;
  private final Clock clock;
  private final int limit;
  private final List<LogLine> pending = new ArrayList<>();
  private int kept;
  private long dropped;

  RunLogBuffer(String jobName, Clock clock, int limit) {
    this.logger = LoggerFactory.getLogger("io.suasor.jobs.run." + jobName);
    this.clock = clock;
    this.limit = limit;
  }

  @Override
  public void info(String message, Object... args) {
    logger.info(message, args);
    keep("INFO", message, args);
  }

  @Override
  public void warn(String message, Object... args) {
    logger.warn(message, args);
    keep("WARN", message, args);
  }

  @Override
  public void error(String message, Object... args) {
    logger.error(message, args);
    keep("ERROR", message, args);
  }

  private synchronized void keep(String level, String message, Object[] args) {
    if (kept >= limit) {
      dropped++;
      return;
    }
    kept++;
    pending.add(
        new LogLine(
            clock.instant(), level, MessageFormatter.arrayFormat(message, args).getMessage()));
  }

  /** Whether lines wait to be stored, or a note of dropped lines is due. */
  synchronized boolean hasPending() {
    return !pending.isEmpty() || dropped > 0;
  }

  /** The lines not yet stored, and forgets them. */
  synchronized List<LogLine> drain() {
    List<LogLine> lines = new ArrayList<>(pending);
    pending.clear();
    return lines;
  }

  /** The last lines of a run: whatever waits, plus a note of the lines that were not kept. */
  synchronized List<LogLine> drainFinal() {
    if (dropped > 0) {
      pending.add(
          new LogLine(
              clock.instant(),
              "WARN",
              dropped + " more log lines were not kept with the run (limit " + limit + ")"));
      dropped = 0;
    }
    return drain();
  }
}
