package io.suasor.media.collections;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class PostgresSmartCollectionRunTest extends SmartCollectionRunContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.postgres();
  }
}
