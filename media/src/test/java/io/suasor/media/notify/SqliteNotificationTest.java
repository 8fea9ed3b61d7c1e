package io.suasor.media.notify;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;

class SqliteNotificationTest extends NotificationContract {
  @Override
  Database database(Path folder) {
    return TestDatabases.sqlite(folder);
  }
}
