package io.suasor.media.jobs;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class SqliteSystemJobsTest extends SystemJobsContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.sqlite(folder);
  }
}
