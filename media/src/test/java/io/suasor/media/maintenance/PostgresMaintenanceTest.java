package io.suasor.media.maintenance;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class PostgresMaintenanceTest extends MaintenanceContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.postgres();
  }
}
