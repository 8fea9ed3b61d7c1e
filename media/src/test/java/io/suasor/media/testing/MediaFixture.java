package io.suasor.media.testing;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.media.MediaSchema;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncSettings;

/** A migrated database, a settable clock and the services over them, for one test. */
public final class MediaFixture implements AutoCloseable {
  public final Database database;
  public final SettableClock clock = SettableClock.at("2026-03-01T10:00:00Z");
  public final SecretBox box = SecretBox.random();
  public final SourceStore sources;

  public MediaFixture(Database database) {
    this.database = database;
    MediaSchema.migrate(database);
    this.sources = new SourceStore(database, box);
  }

  /** Opens every kind of source, with the usual HTTP settings. */
  public SourceClientsByType clients() {
    return new SourceClientsByType(sources, HttpSettings.defaults());
  }

  public MediaSyncService sync() {
    return new MediaSyncService(database, sources, clients(), clock, SyncSettings.defaults());
  }

  public MediaSource install(DemoLibrary.Written library) {
    return DemoLibrary.install(database, sources, library, clock);
  }

  @Override
  public void close() {
    database.close();
  }
}
