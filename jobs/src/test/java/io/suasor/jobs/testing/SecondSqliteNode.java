package io.suasor.jobs.testing;

import io.suasor.jobs.engine.JobEngine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A second node on one SQLite file. SQLite refuses a second started node on one file (one writer),
 * so the second node's loop is driven here, over the same file through its own connections: a pass,
 * then a wait for its runs.
 */
public final class SecondSqliteNode {
  private SecondSqliteNode() {}

  /** Starts driving {@code engine}'s loop; returns what stops it and waits for it to stop. */
  public static Runnable start(JobEngine engine) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread loop =
        new Thread(
            () -> {
              while (!stop.get()) {
                engine.tick();
                engine.awaitIdle(Duration.ofMillis(50));
              }
            },
            "second-sqlite-node");
    loop.start();
    return () -> {
      stop.set(true);
      try {
        loop.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
