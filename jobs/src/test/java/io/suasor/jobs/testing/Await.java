package io.suasor.jobs.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread or process makes true, checking every 50 ms; for what
 * no event announces (another JVM's work, a database restart).
 */
public final class Await {
  private Await() {}

  public static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(50);
    }
  }
}
