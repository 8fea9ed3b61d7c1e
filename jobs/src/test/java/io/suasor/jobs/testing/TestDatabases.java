package io.suasor.jobs.testing;

import io.suasor.jobs.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: a SQLite file in a temporary folder, or a fresh database on one embedded
 * PostgreSQL server that the whole test JVM shares (started on first use, about two seconds).
 */
public final class TestDatabases {
  private static final AtomicInteger NEXT_DATABASE = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabases() {}

  public static Database sqlite(Path folder) {
    return Database.sqlite(folder.resolve("suasor-test.db"));
  }

  /** A new, empty PostgreSQL database, so each test class is isolated from every other. */
  public static Database postgres() {
    return postgres(4);
  }

  public static Database postgres(int poolSize) {
    return Database.postgres(postgresUrl(), USER, USER, poolSize);
  }

  /** The user, and password, of the embedded server. */
  public static final String USER = "postgres";

  /** Creates a new, empty database on the shared server and returns its JDBC URL. */
  public static String postgresUrl() {
    EmbeddedPostgres pg = server();
    String name =
        "suasor_test_" + ProcessHandle.current().pid() + "_" + NEXT_DATABASE.incrementAndGet();
    try (Connection admin = pg.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return pg.getJdbcUrl(USER, name);
  }

  /** The server every PostgreSQL test database of this JVM lives on, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // The JVM is exiting; the temporary data folder is removed either way.
                    }
                  }));
    }
    return server;
  }
}
