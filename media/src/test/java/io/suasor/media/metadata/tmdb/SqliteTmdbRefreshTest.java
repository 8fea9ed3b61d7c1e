package io.suasor.media.metadata.tmdb;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class SqliteTmdbRefreshTest extends TmdbRefreshContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.sqlite(folder);
  }
}
