package io.suasor.jobs.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Keeps what a logger (and the loggers below it) logs while open, and lets a test wait for a line:
 * for what the code only tells its log, such as a write that failed and is being retried.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Logger logger;
  private final List<ILoggingEvent> lines = new ArrayList<>();

  private CapturedLogs(Logger logger) {
    this.logger = logger;
  }

  /** Starts keeping the lines of {@code loggerName} and of the loggers below it. */
  public static CapturedLogs of(String loggerName) {
    CapturedLogs captured = new CapturedLogs((Logger) LoggerFactory.getLogger(loggerName));
    captured.start();
    captured.logger.addAppender(captured);
    return captured;
  }

  @Override
  protected synchronized void append(ILoggingEvent line) {
    // Fixes the thread name and message now: read later, on the test's thread, they would be its.
    line.prepareForDeferredProcessing();
    lines.add(line);
    notifyAll();
  }

  public synchronized List<ILoggingEvent> lines() {
    return List.copyOf(lines);
  }

  /** Waits up to {@code timeout} for a line that {@code wanted} accepts, and returns it. */
  public synchronized ILoggingEvent await(
      String what, Predicate<ILoggingEvent> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < lines.size(); checked++) {
        if (wanted.test(lines.get(checked))) {
          return lines.get(checked);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no log line within " + timeout + " for " + what + "; saw " + messages());
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  private List<String> messages() {
    return lines.stream().map(l -> l.getThreadName() + ": " + l.getFormattedMessage()).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
