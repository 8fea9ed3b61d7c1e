package io.suasor.server;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.media.MediaSchema;
import io.suasor.server.config.ServerConfig;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the configured database and brings its schema up to date, turning the driver's and Flyway's
 * failures into one-line messages that say which database and what to check.
 */
final class Databases {
  private Databases() {}

  static Database open(ServerConfig config) {
    try {
      if (config.databaseUrl().isPresent()) {
        return Database.postgres(
            config.databaseUrl().get(),
            config.databaseUser(),
            config.databasePassword(),
            config.databasePoolSize());
      }
      return Database.sqlite(config.sqliteFile());
    } catch (RuntimeException e) {
      throw new DatabaseException(
          "cannot open the database "
              + config.describeDatabase()
              + ": "
              + rootMessage(e)
              + "; check db.url, db.user and db.password (or the data folder) and that the"
              + " database is running",
          e);
    }
  }

  /** The media domain's schema (which includes the accounts), then the engine's. */
  static void migrate(Database database, ServerConfig config) {
    try {
      MediaSchema.migrate(database);
      JdbcJobRepository.migrate(database);
    } catch (FlywayException e) {
      throw new DatabaseException(
          "cannot bring the schema of "
              + config.describeDatabase()
              + " up to date: "
              + rootMessage(e)
              + "; see 'Upgrades and downgrades' in docs/OPERATING.md",
          e);
    }
  }

  /** The innermost cause's message, on one line: what the driver or Flyway said went wrong. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
