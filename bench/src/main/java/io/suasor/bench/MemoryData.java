package io.suasor.bench;

import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.media.MediaSchema;
import io.suasor.media.jobs.ActivityAnalysisJob;
import io.suasor.media.jobs.FavoritesSyncJob;
import io.suasor.media.jobs.NewReleaseNotificationJob;
import io.suasor.media.jobs.RecommendationJob;
import io.suasor.media.jobs.SmartCollectionJob;
import io.suasor.media.store.TokenStore;
import io.suasor.server.Application;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The database {@link MemoryBench} runs the server on, generated straight in SQL once and kept: the
 * accounts (an admin and {@code users} users), five schedules of user jobs per user, most of them
 * "daily at 03:00" UTC as a household's defaults would be, and {@link HistoryData}'s ten million
 * ended runs.
 */
final class MemoryData {
  static final String ADMIN = "bench-admin";

  /** A user's five schedules: job and frequency; the name is the API's {@code JOB.user-ID}. */
  record UserSchedule(String job, String frequency) {}

  static final List<UserSchedule> PER_USER =
      List.of(
          new UserSchedule(ActivityAnalysisJob.NAME, "daily at 03:00"),
          new UserSchedule(RecommendationJob.NAME, "daily at 03:00"),
          new UserSchedule(SmartCollectionJob.NAME, "daily at 03:00"),
          new UserSchedule(FavoritesSyncJob.NAME, "every 6h"),
          new UserSchedule(NewReleaseNotificationJob.NAME, "daily at 09:00"));

  private MemoryData() {}

  /**
   * Creates, migrates and fills the database unless an earlier run of the bench did, and makes the
   * server's system schedules as its first start would (so that {@link #beforeRound} can hold them
   * back before the server ever starts).
   */
  static void prepare(String url, Path serverDir, int users, long runs) throws Exception {
    try (Database database = Database.postgres(url, "postgres", "postgres", 2)) {
      JdbcJobRepository.migrate(database);
      MediaSchema.migrate(database);
    }
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      if (count(c, "SELECT count(*) FROM users WHERE role = 'user'") < users) {
        System.err.printf("generating %,d users and %,d schedules%n", users, users * 5L);
        fillUsersAndSchedules(c, users);
      }
    }
    HistoryData.ensure(url, runs);
    try (Application app =
        Application.open(ServerProcess.config(Optional.of(url), serverDir, 0), List.of())) {
      app.jobs().syncDatabaseJobs();
    }
  }

  private static void fillUsersAndSchedules(Connection c, int users) throws SQLException {
    long now = System.currentTimeMillis();
    try (Statement s = c.createStatement()) {
      s.execute("TRUNCATE users, job_schedules CASCADE");
    }
    update(
        c,
        """
        INSERT INTO users (username, email, role, active, created_at, updated_at)
        VALUES (?, NULL, 'admin', TRUE, ?, ?)
        """,
        ADMIN,
        now,
        now);
    update(
        c,
        """
        INSERT INTO users (username, email, role, active, created_at, updated_at)
        SELECT 'user-' || g, NULL, 'user', TRUE, ?, ?
        FROM generate_series(1, ?) AS g
        """,
        now,
        now,
        users);
    Instant at = Instant.ofEpochMilli(now);
    for (UserSchedule schedule : PER_USER) {
      Instant next = Schedule.parse(schedule.frequency(), ZoneOffset.UTC).preview(at, 1).get(0);
      update(
          c,
          """
          INSERT INTO job_schedules (name, job_name, job_type, user_id, frequency, time_zone,
              enabled, config, next_run_time, misfire_policy, created_at, updated_at)
          SELECT ? || '.user-' || id, ?, 'user', id, ?, 'UTC', TRUE, '{}', ?, 'fire_once', ?, ?
          FROM users WHERE role = 'user'
          """,
          schedule.job(),
          schedule.job(),
          schedule.frequency(),
          next.toEpochMilli(),
          now,
          now);
    }
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE users");
      s.execute("VACUUM ANALYZE job_schedules");
    }
  }

  /**
   * Before each round: the system schedules (the server's own, made at its first start) wait a
   * week, so that no job over every user runs during the measured sequence unless the sequence
   * starts it; the maintenance schedule stays paused (it would prune the year of history to 30
   * days); the users' schedules due within three hours move to their next fire after that (days
   * after the data was made, every "daily at 03:00" would otherwise be overdue and fire at once),
   * so only those the sequence makes due fire; then a fresh API token of the admin.
   */
  static String beforeRound(String url) throws Exception {
    long weekAhead = System.currentTimeMillis() + 7L * 24 * 3600 * 1000;
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      update(c, "UPDATE job_schedules SET next_run_time = ? WHERE user_id IS NULL", weekAhead);
      update(
          c,
          "UPDATE job_schedules SET enabled = FALSE, next_run_time = NULL WHERE name = ?",
          io.suasor.media.jobs.DatabaseMaintenanceJob.NAME);
      update(c, "DELETE FROM job_schedules WHERE name LIKE 'bench.%'");
      Instant clear = Instant.now().plusSeconds(3 * 3600);
      for (UserSchedule schedule : PER_USER) {
        Instant next =
            Schedule.parse(schedule.frequency(), ZoneOffset.UTC).preview(clear, 1).get(0);
        update(
            c,
            """
            UPDATE job_schedules SET next_run_time = ?
            WHERE job_name = ? AND user_id IS NOT NULL AND next_run_time < ?
            """,
            next.toEpochMilli(),
            schedule.job(),
            clear.toEpochMilli());
      }
    }
    try (Database database = Database.postgres(url, "postgres", "postgres", 1)) {
      long admin;
      try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
        admin = count(c, "SELECT id FROM users WHERE username = '" + ADMIN + "'");
      }
      return new TokenStore(database).issue(admin, "memory bench", Instant.now()).secret();
    }
  }

  /**
   * Makes {@code count} schedules of the first user job (users 1…count by id order) due at {@code
   * at}; returns the id of the last run before, to count the runs they make.
   */
  static long makeDue(String url, int count, Instant at) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      update(
          c,
          """
          UPDATE job_schedules SET next_run_time = ?
          WHERE job_name = ? AND user_id IN (
              SELECT id FROM users WHERE role = 'user' ORDER BY id LIMIT ?)
          """,
          at.toEpochMilli(),
          PER_USER.get(0).job(),
          count);
      return count(c, "SELECT COALESCE(MAX(id), 0) FROM job_runs");
    }
  }

  /** Runs with an id above {@code afterId} that have not ended, and all of them. */
  static long[] runsSince(String url, long afterId) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      return new long[] {
        count(
            c,
            "SELECT count(*) FROM job_runs WHERE id > "
                + afterId
                + " AND status IN ('pending', 'running')"),
        count(c, "SELECT count(*) FROM job_runs WHERE id > " + afterId)
      };
    }
  }

  /** Removes the runs a round made, so that every round starts on the same history. */
  static void deleteRunsSince(String url, long afterId) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      update(c, "DELETE FROM job_runs WHERE id > ?", afterId);
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
