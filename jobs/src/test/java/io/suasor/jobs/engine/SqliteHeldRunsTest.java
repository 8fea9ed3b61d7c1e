package io.suasor.jobs.engine;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteHeldRunsTest extends HeldRunsContract {
  @TempDir Path folder;

  @Override
  Database newDatabase() {
    return TestDatabases.sqlite(folder);
  }
}
