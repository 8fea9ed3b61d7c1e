package io.suasor.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/**
 * The fresh database one round runs on: a PostgreSQL database on the harness's server, or a SQLite
 * file.
 */
record Target(String jdbcUrl, String user, String password, Path sqliteFile) {

  static Target postgres(String jdbcUrl) {
    return new Target(jdbcUrl, "postgres", "postgres", null);
  }

  static Target sqlite(Path file) {
    return new Target(null, null, null, file);
  }

  boolean isSqlite() {
    return sqliteFile != null;
  }

  /** A HikariCP pool of {@code size} connections, the pool every PostgreSQL contender gets. */
  HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }
}
