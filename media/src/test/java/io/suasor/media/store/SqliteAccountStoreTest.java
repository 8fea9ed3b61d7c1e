package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class SqliteAccountStoreTest extends AccountStoreContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.sqlite(folder);
  }
}
