package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class SqliteHalfLifeTest extends HalfLifeContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.sqlite(folder);
  }
}
