package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresBulkInsertTest extends BulkInsertContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres(4);
  }
}
