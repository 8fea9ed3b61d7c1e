package io.suasor.media.jobs;

import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.SecondSqliteNode;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

/**
 * Two nodes on one SQLite file. SQLite refuses a second started node on one file (one writer), so
 * the second node's loop is driven here through its own connections: a pass, then a wait.
 */
class SqliteMediaChainTest extends MediaChainContract {
  @Override
  Database database(Path folder, int node) {
    return TestDatabases.sqlite(folder);
  }

  /** SQLite refuses a second started node on one file: its loop is driven on a thread. */
  @Override
  Runnable startSecondNode(JobEngine engine) {
    return SecondSqliteNode.start(engine);
  }
}
