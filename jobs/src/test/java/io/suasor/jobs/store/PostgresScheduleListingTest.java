package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresScheduleListingTest extends ScheduleListingContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres();
  }
}
