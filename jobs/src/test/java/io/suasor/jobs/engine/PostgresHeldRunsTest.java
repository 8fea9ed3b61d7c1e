package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;

class PostgresHeldRunsTest extends HeldRunsContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres(8);
  }
}
