package io.suasor.server;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.NodeInfo;
import io.suasor.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.sqlite.SQLiteDataSource;

/**
 * Backs up the embedded SQLite database while the server runs ({@code VACUUM INTO} writes a
 * consistent copy from one read transaction) and restores one on a stopped server, with the key
 * file that encrypts source secrets, without which a restored database's secrets are unreadable.
 */
public final class Backups {
  /** The key file written beside a backup: {@code FILE.secret.key}. */
  public static final String KEY_SUFFIX = ".secret.key";

  private static final List<String> MODULES = List.of("media", "jobs");

  private Backups() {}

  /** What a backup wrote: the database copy and, when the key lives in a file, its copy. */
  public record Written(Path database, Optional<Path> keyFile) {}

  /** Writes a consistent copy of the database to {@code target}, which must not exist yet. */
  public static Written backup(ServerConfig config, Path target) {
    requireSqlite(config, "backup", "pg_dump -Fc -f FILE DBNAME");
    config.requireExistingDatabase();
    Path source = config.sqliteFile().toAbsolutePath();
    Path file = target.toAbsolutePath();
    if (Files.exists(file)) {
      throw new ServerException(file + " exists already; name a new file for the backup");
    }
    try (Connection connection = dataSource(source).getConnection();
        PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
      vacuum.setString(1, file.toString());
      vacuum.execute();
    } catch (SQLException e) {
      throw new ServerException("cannot write the backup " + file + ": " + e.getMessage(), e);
    }
    Optional<Path> key = Optional.empty();
    if (config.secretKey().isEmpty() && Files.isRegularFile(config.secretKeyFile())) {
      key = Optional.of(Path.of(file + KEY_SUFFIX));
      copy(config.secretKeyFile(), key.get());
    }
    return new Written(file, key);
  }

  /**
   * Puts the backup {@code file} in place of the database, keeping the one it replaces beside it.
   * Refuses while a server is alive on the database, and when the file is not a Suasor database
   * this version can migrate.
   */
  public static Written restore(ServerConfig config, Path file, Clock clock) {
    requireSqlite(config, "restore", "pg_restore -d DBNAME FILE");
    Path backup = file.toAbsolutePath();
    if (!Files.isRegularFile(backup)) {
      throw new ServerException("there is no backup file " + backup);
    }
    checkRestorable(backup);
    Path target = config.sqliteFile().toAbsolutePath();
    Instant now = clock.instant();
    if (Files.exists(target)) {
      refuseWhileServing(config, target, now);
    }
    String stamp = now.toString().replace(':', '-');
    try {
      Files.createDirectories(target.getParent());
      Path incoming = target.resolveSibling(target.getFileName() + ".restoring");
      Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
      if (Files.exists(target)) {
        Files.move(
            target, target.resolveSibling(target.getFileName() + ".before-restore-" + stamp));
      }
      // The old database's write-ahead log must not be replayed into the restored one.
      Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
      Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
      Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + backup + " into " + target, e);
    }
    Optional<Path> key = Optional.empty();
    Path savedKey = Path.of(backup + KEY_SUFFIX);
    if (Files.isRegularFile(savedKey)) {
      Path keyFile = config.secretKeyFile().toAbsolutePath();
      if (Files.exists(keyFile)) {
        copy(keyFile, keyFile.resolveSibling(keyFile.getFileName() + ".before-restore-" + stamp));
      }
      copy(savedKey, keyFile);
      key = Optional.of(keyFile);
    }
    return new Written(target, key);
  }

  private static void requireSqlite(ServerConfig config, String action, String tool) {
    if (config.databaseUrl().isPresent()) {
      throw new ServerException(
          "the database is PostgreSQL ("
              + config.databaseUrl().get()
              + "): "
              + action
              + " it with PostgreSQL's tools, e.g. "
              + tool
              + " (docs/OPERATING.md), and keep the secret key with it");
    }
  }

  /** A server that heartbeats on the database would go on writing over the restored one. */
  private static void refuseWhileServing(ServerConfig config, Path target, Instant now) {
    Database database = Database.sqlite(target);
    try {
      List<NodeInfo> alive =
          new JdbcJobRepository(database).liveNodes(now.minus(config.engine().deadRunThreshold()));
      if (!alive.isEmpty()) {
        NodeInfo node = alive.get(0);
        throw new ServerException(
            "a server is running on "
                + target
                + " (node "
                + node.nodeId()
                + " on "
                + node.host()
                + ", pid "
                + node.pid()
                + "); stop it, then restore");
      }
    } finally {
      database.close();
    }
  }

  /** The file holds Suasor's schemas, none newer than this version knows, none failed. */
  static void checkRestorable(Path file) {
    for (String module : MODULES) {
      MigrationInfo[] applied;
      try {
        applied =
            Flyway.configure()
                .dataSource(dataSource(file))
                .locations("classpath:db/" + module + "/sqlite")
                .table("suasor_" + module + "_schema_history")
                .load()
                .info()
                .applied();
      } catch (FlywayException e) {
        throw new ServerException(
            file
                + " is not a SQLite database ("
                + e.getMessage().lines().findFirst().orElse("")
                + ")",
            e);
      }
      if (applied.length == 0) {
        throw new ServerException(
            file + " is not a Suasor database: it has no " + module + " schema");
      }
      Optional<MigrationInfo> unknown =
          Arrays.stream(applied)
              .filter(m -> m.getState().name().startsWith("FUTURE") || m.getState().isFailed())
              .findFirst();
      if (unknown.isPresent()) {
        throw new ServerException(
            file
                + " was written by a newer Suasor (its "
                + module
                + " schema is at version "
                + unknown.get().getVersion()
                + ", which this version does not know); restore it with that version or newer");
      }
    }
  }

  private static SQLiteDataSource dataSource(Path file) {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }
}
