package io.suasor.media.jobs;

import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

/** Two started nodes on one PostgreSQL database. */
class PostgresMediaChainTest extends MediaChainContract {
  private String url;

  @Override
  Database database(Path folder, int node) {
    if (url == null) {
      url = TestDatabases.postgresUrl();
    }
    return Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 4);
  }

  @Override
  Runnable startSecondNode(JobEngine engine) {
    engine.start();
    return () -> {};
  }
}
