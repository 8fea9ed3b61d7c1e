package io.suasor.jobs.store;

import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteClaimFloorTest extends ClaimFloorContract {
  @TempDir Path folder;

  @Override
  Database newDatabase() {
    return TestDatabases.sqlite(folder);
  }
}
