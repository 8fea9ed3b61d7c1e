package io.suasor.jobs.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A store contract's fresh database for each test, migrated, with the repository over it; the
 * contract's subclasses say which database.
 */
abstract class MigratedRepository {
  Database database;
  JobRepository repo;

  abstract Database newDatabase();

  @BeforeEach
  void migrate() {
    database = newDatabase();
    JdbcJobRepository.migrate(database);
    repo = new JdbcJobRepository(database);
  }

  @AfterEach
  void close() {
    database.close();
  }
}
