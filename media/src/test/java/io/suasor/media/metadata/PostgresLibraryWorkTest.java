package io.suasor.media.metadata;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class PostgresLibraryWorkTest extends LibraryWorkContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.postgres();
  }
}
