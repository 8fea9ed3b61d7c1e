package io.suasor.media.analysis;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class PostgresActivityAnalysisTest extends ActivityAnalysisContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.postgres();
  }
}
