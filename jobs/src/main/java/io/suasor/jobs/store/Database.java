package io.suasor.jobs.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database the engine (and the modules built on it) stores into: its connections, its dialect,
 * and transactions over them.
 *
 * <p>On SQLite every write goes through one connection, because SQLite has one writer anyway and a
 * second writer would only wait on the file lock; reads use a small pool of their own, which WAL
 * lets run beside the writer. On PostgreSQL reads and writes share one pool.
 */
public final class Database implements AutoCloseable {
  /** How long a SQLite connection waits for another process's lock before failing. */
  public static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  private final Dialect dialect;
  private final DataSource writer;
  private final DataSource reader;
  private final String description;
  private final boolean ownsPools;

  private Database(
      Dialect dialect,
      DataSource writer,
      DataSource reader,
      String description,
      boolean ownsPools) {
    this.dialect = dialect;
    this.writer = writer;
    this.reader = reader;
    this.description = description;
    this.ownsPools = ownsPools;
  }

  /** An embedded SQLite database in {@code file}, created with its folder when missing. */
  public static Database sqlite(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the folder of database file " + file, e);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    HikariDataSource writer = new HikariDataSource(sqliteConfig(url, "suasor-sqlite-writer", 1));
    HikariDataSource reader = new HikariDataSource(sqliteConfig(url, "suasor-sqlite-reader", 4));
    return new Database(
        new SqliteDialect(), writer, reader, "SQLite " + file.toAbsolutePath(), true);
  }

  /** A PostgreSQL database at a JDBC URL, with a pool of {@code poolSize} connections. */
  public static Database postgres(String jdbcUrl, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("suasor-postgresql");
    // Fail a pass quickly while the database is away; the engine retries with backoff.
    config.setConnectionTimeout(5_000);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource pool = new HikariDataSource(config);
    return new Database(new PostgresDialect(), pool, pool, "PostgreSQL " + jdbcUrl, true);
  }

  /**
   * A database over a {@link DataSource} the application already has; the dialect is read from the
   * driver. The application keeps ownership: {@link #close()} closes only the pools this class
   * wraps around it (on SQLite, to keep one writer), never the application's DataSource.
   */
  public static Database of(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new StoreException("cannot connect to the given DataSource", e);
    }
    String lower = product.toLowerCase(Locale.ROOT);
    if (lower.contains("postgres")) {
      return new Database(new PostgresDialect(), dataSource, dataSource, product, false);
    }
    if (lower.contains("sqlite")) {
      // Keep SQLite's one-writer rule over the application's connections too: one pooled writer
      // connection, a few readers, each waiting for locks instead of failing at once.
      HikariDataSource writer = new HikariDataSource(wrapSqlite(dataSource, "writer", 1));
      HikariDataSource reader = new HikariDataSource(wrapSqlite(dataSource, "reader", 4));
      return new Database(new SqliteDialect(), writer, reader, product, true);
    }
    throw new StoreException(
        "unsupported database '" + product + "': Suasor runs on SQLite or PostgreSQL");
  }

  private static HikariConfig wrapSqlite(DataSource dataSource, String role, int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(dataSource);
    config.setPoolName("suasor-sqlite-" + role);
    config.setMaximumPoolSize(size);
    config.setConnectionInitSql("PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT_MILLIS);
    return config;
  }

  private static HikariConfig sqliteConfig(String url, String poolName, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName(poolName);
    config.setMaximumPoolSize(size);
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("synchronous", "NORMAL");
    config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
    config.addDataSourceProperty("foreign_keys", "true");
    // Takes effect on a new file (before its first table): lets maintenance return free pages to
    // the file system in steps with "PRAGMA incremental_vacuum" instead of a full VACUUM.
    config.addDataSourceProperty("auto_vacuum", "INCREMENTAL");
    // Take the write lock when a transaction begins, so two processes never deadlock upgrading.
    config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    return config;
  }

  /**
   * Applies one module's migrations, kept under {@code classpath:db/<module>/<dialect>} with a
   * history table of the module's own, so modules migrate independently of each other.
   */
  public void migrate(String module) {
    Flyway.configure()
        .dataSource(writer)
        .locations("classpath:db/" + module + "/" + dialect.id())
        .table("suasor_" + module + "_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The connections that write; an application may share them with its own work. */
  public DataSource dataSource() {
    return writer;
  }

  /** Runs {@code work} in one write transaction, committed when it returns normally. */
  public <T> T inTransaction(String operation, SqlWork<T> work) {
    try (Connection connection = writer.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(operation, e);
    }
  }

  /** Runs {@code work} on a reading connection in auto-commit mode. */
  public <T> T read(String operation, SqlWork<T> work) {
    try (Connection connection = reader.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(operation, e);
    }
  }

  /** Runs one statement's worth of {@code work} on the writer in auto-commit mode. */
  public <T> T write(String operation, SqlWork<T> work) {
    try (Connection connection = writer.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw translate(operation, e);
    }
  }

  /**
   * A connection of its own, outside the pools, for a caller that holds it for long (such as a
   * LISTEN loop); the caller closes it.
   */
  public Connection dedicatedConnection() throws SQLException {
    if (writer instanceof HikariDataSource pool) {
      if (pool.getJdbcUrl() != null) {
        return java.sql.DriverManager.getConnection(
            pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
      }
      if (pool.getDataSource() != null) {
        // A pool this class wraps around the application's DataSource: bypass the pool, whose
        // single SQLite writer must stay free for writes.
        return pool.getDataSource().getConnection();
      }
    }
    return writer.getConnection();
  }

  StoreException translate(String operation, SQLException e) {
    if (dialect.isUniqueViolation(e)) {
      return new DuplicateException(operation + ": " + e.getMessage());
    }
    return new StoreException(operation + " failed on " + description, e);
  }

  private static void rollbackQuietly(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  @Override
  public void close() {
    if (!ownsPools) {
      return;
    }
    if (writer instanceof HikariDataSource pool) {
      pool.close();
    }
    if (reader != writer && reader instanceof HikariDataSource pool) {
      pool.close();
    }
  }

  @Override
  public String toString() {
    return description;
  }

  /** Work done with a connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
