package io.suasor.server.auth;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The server's view of the accounts in the media domain's {@code users} table: a name, a role and
 * an active flag are all that authentication and the account routes need.
 */
public final class UserStore {
  private static final String COLUMNS = "id, username AS name, role, active, created_at";

  private final Database database;
  private final Clock clock;

  public UserStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Adds an active account.
   *
   * @throws io.suasor.jobs.store.DuplicateException when the name is taken
   */
  public User add(String name, Role role) {
    Instant now = clock.instant();
    long id =
        database.write(
            "add user " + name,
            connection ->
                Jdbc.queryOne(
                        connection,
                        """
                        INSERT INTO users (username, role, active, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?) RETURNING id
                        """,
                        r -> r.getLong("id"),
                        name,
                        role.value(),
                        true,
                        now,
                        now)
                    .orElseThrow());
    return new User(id, name, role, true, Instant.ofEpochMilli(now.toEpochMilli()));
  }

  public List<User> all() {
    return database.read(
        "list users",
        connection ->
            Jdbc.query(
                connection, "SELECT " + COLUMNS + " FROM users ORDER BY id", UserStore::row));
  }

  public Optional<User> byId(long id) {
    return database.read(
        "read user " + id,
        connection ->
            Jdbc.queryOne(
                connection, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::row, id));
  }

  public Optional<User> byName(String name) {
    return database.read(
        "read user " + name,
        connection ->
            Jdbc.queryOne(
                connection,
                "SELECT " + COLUMNS + " FROM users WHERE username = ?",
                UserStore::row,
                name));
  }

  public boolean isEmpty() {
    return database.read(
        "count users",
        connection ->
            Jdbc.queryOne(connection, "SELECT COUNT(*) AS n FROM users", r -> r.getLong("n"))
                    .orElse(0L)
                == 0);
  }

  /** Activates or deactivates an account; a deactivated account's tokens stop working. */
  public Optional<User> setActive(long id, boolean active) {
    Instant now = clock.instant();
    int changed =
        database.write(
            "set user " + id + " active",
            connection ->
                Jdbc.update(
                    connection,
                    "UPDATE users SET active = ?, updated_at = ? WHERE id = ?",
                    active,
                    now,
                    id));
    return changed == 0 ? Optional.empty() : byId(id);
  }

  static User row(ResultSet row) throws SQLException {
    return new User(
        row.getLong("id"),
        row.getString("name"),
        Role.fromValue(row.getString("role")),
        row.getBoolean("active"),
        Jdbc.instant(row, "created_at"));
  }
}
