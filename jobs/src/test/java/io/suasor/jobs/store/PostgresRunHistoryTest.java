package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresRunHistoryTest extends RunHistoryContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres();
  }
}
