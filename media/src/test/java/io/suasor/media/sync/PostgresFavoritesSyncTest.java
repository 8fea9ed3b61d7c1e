package io.suasor.media.sync;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class PostgresFavoritesSyncTest extends FavoritesSyncContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.postgres();
  }
}
