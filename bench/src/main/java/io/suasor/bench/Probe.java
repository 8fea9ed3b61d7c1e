package io.suasor.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where every contender's job body reports that it ran. Static because Quartz and JobRunr build
 * their job objects themselves; one child JVM measures one contender, one run at a time.
 */
public final class Probe {
  private static volatile Round round = new Round(0);

  private Probe() {}

  /** Starts counting a new round of {@code expected} executions. */
  public static void reset(int expected) {
    round = new Round(expected);
  }

  /**
   * Called first thing in each job body. {@code dueMillis} is the run's due time in epoch
   * milliseconds, or 0 when lateness is not measured.
   */
  public static void executed(long dueMillis) {
    long startedAt = System.currentTimeMillis();
    Round current = round;
    current.count.getAndIncrement();
    if (dueMillis > 0) {
      // Slots of their own: a round may mix runs due now (not measured) with runs due later.
      int slot = current.timed.getAndIncrement();
      if (slot < current.lateness.length) {
        current.lateness[slot] = startedAt - dueMillis;
        current.dues[slot] = dueMillis;
      }
    }
    current.done.countDown();
  }

  /** Waits until the round's executions all ran; returns whether they did within the timeout. */
  public static boolean await(Duration timeout) throws InterruptedException {
    return round.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public static int executions() {
    return round.count.get();
  }

  /** Start minus due, in milliseconds, of the round's executions in the order they started. */
  public static long[] lateness() {
    Round current = round;
    return timed(current, current.lateness);
  }

  /** The due times of {@link #lateness}'s runs, in the same order. */
  public static long[] dues() {
    Round current = round;
    return timed(current, current.dues);
  }

  /** The first {@code values} of the round's timed executions. */
  private static long[] timed(Round current, long[] values) {
    int n = Math.min(current.timed.get(), values.length);
    long[] copy = new long[n];
    System.arraycopy(values, 0, copy, 0, n);
    return copy;
  }

  private static final class Round {
    final CountDownLatch done;
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger timed = new AtomicInteger();
    final long[] lateness;
    final long[] dues;

    Round(int expected) {
      done = new CountDownLatch(expected);
      lateness = new long[expected];
      dues = new long[expected];
    }
  }
}
