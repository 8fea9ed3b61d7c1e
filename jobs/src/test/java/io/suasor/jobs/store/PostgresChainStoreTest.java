package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;

class PostgresChainStoreTest extends ChainStoreContract {
  @Override
  Database newDatabase() {
    return TestDatabases.postgres();
  }
}
