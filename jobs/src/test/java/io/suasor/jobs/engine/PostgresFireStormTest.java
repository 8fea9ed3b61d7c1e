package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;

class PostgresFireStormTest extends FireStormContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres(12);
  }
}
