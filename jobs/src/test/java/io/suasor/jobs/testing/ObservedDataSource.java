package io.suasor.jobs.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A DataSource that tells a test the SQL of each statement its connections have executed: lets a
 * test wait until a node has done work that no event announces (started listening, read its due
 * times), instead of sleeping and hoping it has.
 */
public final class ObservedDataSource {
  private ObservedDataSource() {}

  public static DataSource of(DataSource target, Consumer<String> executed) {
    return proxy(
        DataSource.class,
        target,
        (method, result, args) ->
            result instanceof Connection connection ? connection(connection, executed) : result);
  }

  private static Connection connection(Connection target, Consumer<String> executed) {
    return proxy(
        Connection.class,
        target,
        (method, result, args) -> {
          if (result instanceof PreparedStatement prepared) {
            return statement(PreparedStatement.class, prepared, (String) args[0], executed);
          }
          if (result instanceof Statement statement) {
            return statement(Statement.class, statement, null, executed);
          }
          return result;
        });
  }

  private static <S extends Statement> S statement(
      Class<S> type, S target, String prepared, Consumer<String> executed) {
    return proxy(
        type,
        target,
        (method, result, args) -> {
          if (method.getName().startsWith("execute")) {
            executed.accept(
                prepared != null
                    ? prepared
                    : args != null && args.length > 0 && args[0] instanceof String sql ? sql : "");
          }
          return result;
        });
  }

  /** What to return instead of {@code result}, once the target's method has returned it. */
  private interface After {
    Object apply(java.lang.reflect.Method method, Object result, Object[] args);
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler =
        (self, method, args) -> {
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return after.apply(method, result, args);
        };
    return type.cast(
        Proxy.newProxyInstance(
            ObservedDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
