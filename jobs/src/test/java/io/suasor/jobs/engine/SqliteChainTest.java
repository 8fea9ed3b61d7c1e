package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.SecondSqliteNode;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteChainTest extends ChainContract {
  @TempDir Path folder;

  @Override
  Database openDatabase() {
    return TestDatabases.sqlite(folder);
  }

  /** SQLite refuses a second started node on one file: its loop is driven on a thread. */
  @Override
  Runnable startSecondNode(JobEngine engine) {
    return SecondSqliteNode.start(engine);
  }
}
