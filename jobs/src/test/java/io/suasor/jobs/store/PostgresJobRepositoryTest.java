package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresJobRepositoryTest extends JobRepositoryContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres(10);
  }
}
