package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;

class SqliteChainTest extends ChainContract {
  @TempDir Path folder;

  @Override
  Database openDatabase() {
    return TestDatabases.sqlite(folder);
  }

  /**
   * SQLite refuses a second started node on one file (one writer), so the second node's loop is
   * driven here, over the same file through its own connections: a pass, then a wait for its runs.
   */
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
