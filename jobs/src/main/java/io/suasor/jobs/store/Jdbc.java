package io.suasor.jobs.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statement helpers: bind parameters by their Java type and map rows. Instants are stored as epoch
 * milliseconds in both dialects, so one SQL text serves both and comparisons stay exact. On SQLite
 * the statements are kept prepared per connection ({@link StatementCache}).
 */
public final class Jdbc {
  private Jdbc() {}

  /** A parameter that may be null, with the SQL type PostgreSQL needs to compare it. */
  public record Typed(Object value, int sqlType) {}

  /** A list of texts bound as one array parameter (PostgreSQL only; SQLite has no arrays). */
  public record TextArray(List<String> values) {}

  public static Typed nullableLong(Long value) {
    return new Typed(value, Types.BIGINT);
  }

  public static Typed nullableText(String value) {
    return new Typed(value, Types.VARCHAR);
  }

  public static Typed nullableTime(Instant value) {
    return new Typed(value == null ? null : value.toEpochMilli(), Types.BIGINT);
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  public static <T> List<T> query(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (StatementCache.Lease lease = StatementCache.prepare(connection, sql)) {
      PreparedStatement statement = lease.statement();
      bind(statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  public static <T> Optional<T> queryOne(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> rows = query(connection, sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  public static int update(Connection connection, String sql, Object... params)
      throws SQLException {
    try (StatementCache.Lease lease = StatementCache.prepare(connection, sql)) {
      PreparedStatement statement = lease.statement();
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  public static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      bindOne(statement, i + 1, params[i]);
    }
  }

  private static void bindOne(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value instanceof Typed typed) {
      if (typed.value() == null) {
        statement.setNull(index, typed.sqlType());
      } else {
        bindOne(statement, index, typed.value());
      }
    } else if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof Instant instant) {
      statement.setLong(index, instant.toEpochMilli());
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Integer number) {
      statement.setInt(index, number);
    } else if (value instanceof Boolean flag) {
      statement.setBoolean(index, flag);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof TextArray texts) {
      statement.setArray(
          index, statement.getConnection().createArrayOf("text", texts.values().toArray()));
    } else if (value instanceof Double number) {
      statement.setDouble(index, number);
    } else if (value instanceof Enum<?> constant) {
      throw new IllegalArgumentException(
          "bind enum " + constant + " by its stored text value, not the constant");
    } else {
      throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
    }
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  public static Long nullableLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  public static Integer nullableInt(ResultSet row, String column) throws SQLException {
    int value = row.getInt(column);
    return row.wasNull() ? null : value;
  }
}
