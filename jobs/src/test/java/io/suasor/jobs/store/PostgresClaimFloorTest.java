package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresClaimFloorTest extends ClaimFloorContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres();
  }
}
