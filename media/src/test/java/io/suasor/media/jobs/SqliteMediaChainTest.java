package io.suasor.media.jobs;

import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two nodes on one SQLite file. SQLite refuses a second started node on one file (one writer), so
 * the second node's loop is driven here through its own connections: a pass, then a wait.
 */
class SqliteMediaChainTest extends MediaChainContract {
  @Override
  Database database(Path folder, int node) {
    return TestDatabases.sqlite(folder);
  }

  @Override
  Runnable startSecondNode(JobEngine engine) {
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
