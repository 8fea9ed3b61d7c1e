package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresFireBatchTest extends FireBatchContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres(10);
  }
}
