package io.suasor.media.store;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommender;
import io.suasor.media.model.Role;
import io.suasor.media.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and their job preferences: the one store of the {@code users} table. */
public final class UserStore {
  private static final String COLUMNS = "id, username, email, role, active, created_at, updated_at";

  private final Database database;

  public UserStore(Database database) {
    this.database = database;
  }

  /** Creates a user; a {@link io.suasor.jobs.store.DuplicateException} when the name is taken. */
  public User create(String username, String email, Role role, boolean active, Instant now) {
    return database.inTransaction(
        "create user " + username,
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    INSERT INTO users (username, email, role, active, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    RETURNING id, username, email, role, active, created_at, updated_at
                    """,
                    UserStore::user,
                    username,
                    Jdbc.nullableText(email),
                    role.value(),
                    active,
                    now,
                    now)
                .orElseThrow());
  }

  public Optional<User> byId(long id) {
    return database.read(
        "read user " + id,
        c ->
            Jdbc.queryOne(
                c, "SELECT " + COLUMNS + " FROM users WHERE id = ?", UserStore::user, id));
  }

  public Optional<User> byUsername(String username) {
    return database.read(
        "read user " + username,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT " + COLUMNS + " FROM users WHERE username = ?",
                UserStore::user,
                username));
  }

  public List<User> all() {
    return database.read(
        "list users",
        c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM users ORDER BY id", UserStore::user));
  }

  /**
   * The users after the id {@code afterId} (null: from the first), at most {@code limit}, on the
   * primary key, so that the thousandth page costs what the first does.
   */
  public UserPage page(Long afterId, int limit) {
    List<User> rows =
        database.read(
            "list a page of users",
            c ->
                Jdbc.query(
                    c,
                    "SELECT " + COLUMNS + " FROM users WHERE id > ? ORDER BY id LIMIT ?",
                    UserStore::user,
                    afterId == null ? 0L : afterId,
                    limit + 1));
    boolean more = rows.size() > limit;
    List<User> page = more ? rows.subList(0, limit) : rows;
    return new UserPage(page, more ? page.get(page.size() - 1).id() : null);
  }

  public List<User> active() {
    return database.read(
        "list active users",
        c ->
            Jdbc.query(
                c, "SELECT " + COLUMNS + " FROM users WHERE active ORDER BY id", UserStore::user));
  }

  public boolean isEmpty() {
    return database.read(
        "count users",
        c ->
            Jdbc.queryOne(c, "SELECT COUNT(*) AS n FROM users", row -> row.getLong("n")).orElse(0L)
                == 0);
  }

  /** Activates or deactivates a user; a deactivated user's tokens stop working. */
  public boolean setActive(long id, boolean active, Instant now) {
    return database.write(
            "set user " + id + " active=" + active,
            c ->
                Jdbc.update(
                    c, "UPDATE users SET active = ?, updated_at = ? WHERE id = ?", active, now, id))
        == 1;
  }

  public boolean delete(long id) {
    return database.write(
            "delete user " + id, c -> Jdbc.update(c, "DELETE FROM users WHERE id = ?", id))
        == 1;
  }

  /** The user's job preferences, or the defaults when they never set any. */
  public JobPreferences preferences(long userId, Instant now) {
    return database
        .read(
            "read job preferences of user " + userId,
            c ->
                Jdbc.queryOne(
                    c,
                    """
                    SELECT user_id, time_zone, analysis_enabled, recommendations_enabled,
                           recommender, recommender_url, recommender_model, max_recommendations,
                           notifications_enabled, max_notifications_per_day, media_types,
                           min_rating, preferred_genres, excluded_genres, updated_at
                    FROM user_job_preferences WHERE user_id = ?
                    """,
                    UserStore::preferences,
                    userId))
        .orElseGet(() -> JobPreferences.defaults(userId, now));
  }

  public void savePreferences(JobPreferences preferences) {
    database.write(
        "save job preferences of user " + preferences.userId(),
        c ->
            Jdbc.update(
                c,
                """
                INSERT INTO user_job_preferences (user_id, time_zone, analysis_enabled,
                    recommendations_enabled, recommender, recommender_url, recommender_model,
                    max_recommendations, notifications_enabled, max_notifications_per_day,
                    media_types, min_rating, preferred_genres, excluded_genres, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET
                    time_zone = excluded.time_zone,
                    analysis_enabled = excluded.analysis_enabled,
                    recommendations_enabled = excluded.recommendations_enabled,
                    recommender = excluded.recommender,
                    recommender_url = excluded.recommender_url,
                    recommender_model = excluded.recommender_model,
                    max_recommendations = excluded.max_recommendations,
                    notifications_enabled = excluded.notifications_enabled,
                    max_notifications_per_day = excluded.max_notifications_per_day,
                    media_types = excluded.media_types,
                    min_rating = excluded.min_rating,
                    preferred_genres = excluded.preferred_genres,
                    excluded_genres = excluded.excluded_genres,
                    updated_at = excluded.updated_at
                """,
                preferences.userId(),
                preferences.timeZone().getId(),
                preferences.analysisEnabled(),
                preferences.recommendationsEnabled(),
                preferences.recommender().value(),
                Jdbc.nullableText(preferences.recommenderUrl()),
                Jdbc.nullableText(preferences.recommenderModel()),
                preferences.maxRecommendations(),
                preferences.notificationsEnabled(),
                preferences.maxNotificationsPerDay(),
                Json.write(preferences.mediaTypes().stream().map(MediaType::value).toList()),
                new Jdbc.Typed(preferences.minRating(), java.sql.Types.DOUBLE),
                Json.write(preferences.preferredGenres()),
                Json.write(preferences.excludedGenres()),
                preferences.updatedAt()));
  }

  static User user(ResultSet row) throws SQLException {
    return new User(
        row.getLong("id"),
        row.getString("username"),
        row.getString("email"),
        Role.of(row.getString("role")),
        row.getBoolean("active"),
        Jdbc.instant(row, "created_at"),
        Jdbc.instant(row, "updated_at"));
  }

  private static JobPreferences preferences(ResultSet row) throws SQLException {
    return new JobPreferences(
        row.getLong("user_id"),
        java.time.ZoneId.of(row.getString("time_zone")),
        row.getBoolean("analysis_enabled"),
        row.getBoolean("recommendations_enabled"),
        Recommender.of(row.getString("recommender")),
        row.getString("recommender_url"),
        row.getString("recommender_model"),
        row.getInt("max_recommendations"),
        row.getBoolean("notifications_enabled"),
        row.getInt("max_notifications_per_day"),
        Json.strings(row.getString("media_types")).stream().map(MediaType::of).toList(),
        ItemStore.nullableDouble(row, "min_rating"),
        Json.strings(row.getString("preferred_genres")),
        Json.strings(row.getString("excluded_genres")),
        Jdbc.instant(row, "updated_at"));
  }
}
