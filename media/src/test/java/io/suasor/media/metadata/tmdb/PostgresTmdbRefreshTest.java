package io.suasor.media.metadata.tmdb;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class PostgresTmdbRefreshTest extends TmdbRefreshContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.postgres();
  }
}
