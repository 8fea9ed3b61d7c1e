package io.suasor.media;

import io.suasor.jobs.store.Database;

/** The media domain's tables, migrated beside (and independently of) the engine's. */
public final class MediaSchema {
  private MediaSchema() {}

  public static void migrate(Database database) {
    database.migrate("media");
  }
}
