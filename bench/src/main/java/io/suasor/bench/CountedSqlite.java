package io.suasor.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Connections to a SQLite file, with the settings {@code Database.sqlite} gives its own, that count
 * every statement executed on them: SQLite has no {@code pg_stat_statements}, and this is the same
 * count (each execution of a statement, a batch as one) seen from the driver's side. They do not
 * say they wrap a {@code SQLiteConnection}, so the engine's statement cache, which prepares on the
 * driver's own connection, passes them through: the same statements run, each prepared anew, which
 * changes their cost but not their number (so: for idle counts, not for a timed burn-down).
 */
final class CountedSqlite {
  private final String url;
  private final Properties settings = new Properties();
  private final LongAdder executions = new LongAdder();

  CountedSqlite(Path file) {
    url = "jdbc:sqlite:" + file.toAbsolutePath();
    settings.setProperty("journal_mode", "WAL");
    settings.setProperty("synchronous", "NORMAL");
    settings.setProperty("busy_timeout", "10000");
    settings.setProperty("foreign_keys", "true");
    settings.setProperty("auto_vacuum", "INCREMENTAL");
    settings.setProperty("transaction_mode", "IMMEDIATE");
  }

  /** Statements executed so far on every connection of {@link #dataSource()}. */
  long executions() {
    return executions.sum();
  }

  /** What {@code Database.of} wraps its writer and reader pools around. */
  DataSource dataSource() {
    return proxy(
        DataSource.class,
        (self, method, args) -> {
          if (method.getName().equals("getConnection")) {
            Connection c = DriverManager.getConnection(url, settings);
            return proxy(Connection.class, countingStatements(c));
          }
          return switch (method.getName()) {
            case "isWrapperFor" -> false;
            case "getLoginTimeout" -> 0;
            case "setLoginTimeout", "setLogWriter", "getLogWriter" -> null;
            default ->
                throw new UnsupportedOperationException(
                    method.getName() + " on the bench's DataSource");
          };
        });
  }

  private InvocationHandler countingStatements(Connection connection) {
    return (self, method, args) -> {
      if (method.getName().equals("isWrapperFor")) {
        return false;
      }
      Object result = call(connection, method, args);
      if (result instanceof CallableStatement call) {
        return proxy(CallableStatement.class, counting(call));
      }
      if (result instanceof PreparedStatement prepared) {
        return proxy(PreparedStatement.class, counting(prepared));
      }
      if (result instanceof Statement statement) {
        return proxy(Statement.class, counting(statement));
      }
      return result;
    };
  }

  private InvocationHandler counting(Statement statement) {
    return (self, method, args) -> {
      if (method.getName().startsWith("execute")) {
        executions.increment();
      }
      return call(statement, method, args);
    };
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            CountedSqlite.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
