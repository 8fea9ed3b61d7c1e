package io.suasor.media.testing;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.media.MediaSchema;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.local.LocalSourceClients;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncSettings;

/** A migrated database, a settable clock and the services over them, for one test. */
public final class MediaFixture implements AutoCloseable {
  public final Database database;
  public final SettableClock clock = SettableClock.at("2026-03-01T10:00:00Z");

  public MediaFixture(Database database) {
    this.database = database;
    MediaSchema.migrate(database);
  }

  public MediaSyncService sync() {
    return new MediaSyncService(database, new LocalSourceClients(), clock, SyncSettings.defaults());
  }

  public MediaSource install(DemoLibrary.Written library) {
    return DemoLibrary.install(database, library, clock);
  }

  @Override
  public void close() {
    database.close();
  }
}
