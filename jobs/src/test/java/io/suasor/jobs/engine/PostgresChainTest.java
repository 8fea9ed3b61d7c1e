package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;

class PostgresChainTest extends ChainContract {
  private String url;

  @Override
  Database openDatabase() {
    if (url == null) {
      url = TestDatabases.postgresUrl();
    }
    return Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 6);
  }

  @Override
  Runnable startSecondNode(JobEngine engine) {
    engine.start();
    return engine::stop;
  }
}
