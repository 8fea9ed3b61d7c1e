package io.suasor.jobs.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Keeps the prepared statements of each SQLite connection for reuse. SQLite compiles a statement on
 * every prepare, and for the engine's claim and batched completion that compiling costs as much as
 * running them; PostgreSQL's driver keeps prepared statements itself, so its connections are passed
 * through.
 *
 * <p>A statement is held by one borrower at a time (a connection serves one thread at a time, but
 * the same text may be prepared twice before the first is released: the second gets a statement of
 * its own). Each connection keeps its {@link #PER_CONNECTION} most recently used texts; a closed
 * connection's statements go with it.
 */
final class StatementCache {
  /** How many statement texts one connection keeps prepared. */
  static final int PER_CONNECTION = 64;

  private static final Map<SQLiteConnection, PerConnection> CACHES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private StatementCache() {}

  /** A prepared statement to use and then close; closing a cached one keeps it for the next use. */
  static Lease prepare(Connection connection, String sql) throws SQLException {
    if (!connection.isWrapperFor(SQLiteConnection.class)) {
      return new Lease(connection.prepareStatement(sql), null, null);
    }
    SQLiteConnection raw = connection.unwrap(SQLiteConnection.class);
    PerConnection cache = CACHES.computeIfAbsent(raw, key -> new PerConnection());
    return cache.lease(raw, sql);
  }

  /** A statement borrowed for one use. */
  static final class Lease implements AutoCloseable {
    private final PreparedStatement statement;
    private final PerConnection cache;
    private final String sql;

    private Lease(PreparedStatement statement, PerConnection cache, String sql) {
      this.statement = statement;
      this.cache = cache;
      this.sql = sql;
    }

    PreparedStatement statement() {
      return statement;
    }

    @Override
    public void close() throws SQLException {
      if (cache == null) {
        statement.close();
      } else {
        cache.release(sql, statement);
      }
    }
  }

  /** One connection's statements, the idle ones by text in least recently used order. */
  private static final class PerConnection {
    private final LinkedHashMap<String, PreparedStatement> idle =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PER_CONNECTION) {
              return false;
            }
            closeQuietly(eldest.getValue());
            return true;
          }
        };

    synchronized Lease lease(SQLiteConnection raw, String sql) throws SQLException {
      PreparedStatement statement = idle.remove(sql);
      if (statement == null || statement.isClosed()) {
        statement = raw.prepareStatement(sql);
      }
      return new Lease(statement, this, sql);
    }

    synchronized void release(String sql, PreparedStatement statement) throws SQLException {
      if (statement.isClosed()) {
        return;
      }
      try {
        statement.clearParameters();
      } catch (SQLException e) {
        closeQuietly(statement);
        throw e;
      }
      PreparedStatement other = idle.put(sql, statement);
      if (other != null && other != statement) {
        // The same text was borrowed twice at once; keep one of them.
        closeQuietly(other);
      }
    }

    private static void closeQuietly(PreparedStatement statement) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // The connection is gone or the statement already closed; nothing is left to free.
      }
    }
  }
}
