package io.suasor.media.collections;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class SqliteRuleTest extends RuleContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.sqlite(folder);
  }
}
