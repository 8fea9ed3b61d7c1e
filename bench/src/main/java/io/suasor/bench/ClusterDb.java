package io.suasor.bench;

import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The database of one round of {@link FireStormBench} or {@link ManyNodesBench}, seen from the
 * driver: it creates the schedules and runs straight in the database (bulk paths, not the engine),
 * watches them being fired and drained, and checks the outcome.
 */
final class ClusterDb implements AutoCloseable {
  private final Database database;
  private final List<String> nodeArgs;

  private ClusterDb(Database database, List<String> nodeArgs) {
    this.database = database;
    this.nodeArgs = nodeArgs;
    JdbcJobRepository.migrate(database);
  }

  static ClusterDb postgres(String jdbcUrl) {
    return new ClusterDb(
        Database.postgres(jdbcUrl, "postgres", "postgres", 2), List.of("postgres", jdbcUrl));
  }

  static ClusterDb sqlite(java.nio.file.Path file) {
    return new ClusterDb(Database.sqlite(file), List.of("sqlite", file.toString()));
  }

  /** How {@link ClusterNode} is told to reach this database. */
  List<String> nodeArgs() {
    return nodeArgs;
  }

  /**
   * {@code count} schedules of {@code job}, one per user (user ids 1…count), daily at 03:00 UTC,
   * all next due at {@code fireAt}: one {@code INSERT … SELECT} over a generated series.
   */
  void createSchedules(int count, String job, Instant fireAt) {
    createSchedules(count, job, "storm", fireAt, count, Duration.ZERO);
  }

  /**
   * The same schedules named {@code prefix-i}, next due in groups of {@code perInstant} at {@code
   * firstAt}, {@code firstAt + every}, and so on: a series of small storms.
   */
  void createSchedules(
      int count, String job, String prefix, Instant firstAt, int perInstant, Duration every) {
    long now = System.currentTimeMillis();
    database.write(
        "create " + count + " schedules",
        c ->
            update(
                c,
                """
                WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
                INSERT INTO job_schedules (name, job_name, job_type, user_id, frequency, time_zone,
                    enabled, config, next_run_time, misfire_policy, created_at, updated_at)
                SELECT ? || '-' || i, ?, 'user', i, 'daily at 03:00', 'UTC', TRUE, '{}',
                    ? + ((i - 1) / ?) * ?, 'fire_once', ?, ?
                FROM s
                """,
                count,
                prefix,
                job,
                firstAt.toEpochMilli(),
                perInstant,
                every.toMillis(),
                now,
                now));
  }

  /**
   * {@code count} runs of {@code job} due now, one per user when the job is a user's (so that each
   * has a concurrency key of its own, as a schedule's run has), through the repository's bulk
   * insert (COPY on PostgreSQL).
   */
  void createRunsDueNow(int count, String job, boolean perUser) {
    createRunsDueNow(count, job, perUser, List.of(), null);
  }

  /**
   * The same runs, the i-th carrying the fire instant {@code scheduledFor} of schedule {@code
   * scheduleIds[i]} when those are given, as a schedule's run does (a run that holds the fire key).
   */
  void createRunsDueNow(
      int count, String job, boolean perUser, List<Long> scheduleIds, Instant scheduledFor) {
    Instant now = Instant.now();
    List<NewRun> runs = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      NewRun.Builder run = NewRun.builder(job, JobType.USER, Trigger.MANUAL, now);
      NewRun built =
          perUser
              ? run.userId((long) i).concurrencyLimit(NewRun.EXCLUSIVE).build()
              : run.concurrencyLimit(NewRun.UNLIMITED).build();
      runs.add(
          scheduleIds.isEmpty() ? built : built.withFire(scheduleIds.get(i - 1), scheduledFor));
    }
    new JdbcJobRepository(database).createJobRuns(runs, now);
  }

  /** The ids of the storm's schedules, in the order of their users. */
  List<Long> scheduleIds() {
    return database.read(
        "read the schedules' ids",
        c ->
            io.suasor.jobs.store.Jdbc.query(
                c,
                "SELECT id FROM job_schedules WHERE name LIKE 'storm-%' ORDER BY user_id",
                r -> r.getLong(1)));
  }

  /** Waits until no enabled schedule is due at or before {@code fireAt}; returns when. */
  Instant awaitFired(Instant fireAt, Duration timeout) throws Exception {
    return awaitZero(
        "SELECT COUNT(*) FROM (SELECT 1 FROM job_schedules WHERE enabled AND next_run_time <= ?"
            + " LIMIT 1) s",
        fireAt.toEpochMilli(),
        Duration.ofMillis(20),
        timeout);
  }

  /** Waits until no run is pending or running; returns when. */
  Instant awaitDrained(Duration timeout) throws Exception {
    // One row of each partial index at most: counting 100,000 pending runs every 100 ms cost
    // the measured database more than the claims did.
    return awaitZero(
        """
        SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM job_runs WHERE status = 'pending' AND run_at > ?
                                      LIMIT 1) p)
             + (SELECT COUNT(*) FROM (SELECT 1 FROM job_runs WHERE status = 'running' LIMIT 1) r)
        """,
        0L,
        Duration.ofMillis(100),
        timeout);
  }

  private Instant awaitZero(String sql, long parameter, Duration every, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (scalar(sql, parameter) == 0) {
        return Instant.now();
      }
      Thread.sleep(every.toMillis());
    }
    throw new TimeoutException("not done within " + timeout + ": " + sql);
  }

  /** One number from the database. */
  long scalar(String sql, Object... parameters) {
    return database.read(
        "bench query",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet r = s.executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          }
        });
  }

  /** Runs with an id above {@code afterId} per node that ran them, in node order. */
  Map<String, Long> runsPerNode(long afterId) {
    return database.read(
        "runs per node",
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT node_id, COUNT(*) FROM job_runs WHERE id > ?"
                      + " GROUP BY node_id ORDER BY node_id")) {
            s.setLong(1, afterId);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                counts.put(String.valueOf(r.getString(1)), r.getLong(2));
              }
            }
          }
          return counts;
        });
  }

  /**
   * The runs of one fire instant: how many, how many distinct schedules, how many (schedule,
   * instant) pairs have more than one run, how many completed, first start and last end.
   */
  StormOutcome outcome(Instant fireAt) {
    long at = fireAt.toEpochMilli();
    return new StormOutcome(
        scalar("SELECT COUNT(*) FROM job_runs WHERE scheduled_for = ?", at),
        scalar("SELECT COUNT(DISTINCT schedule_id) FROM job_runs WHERE scheduled_for = ?", at),
        scalar(
            """
            SELECT COUNT(*) FROM (SELECT schedule_id FROM job_runs WHERE scheduled_for IS NOT NULL
                                  GROUP BY schedule_id, scheduled_for HAVING COUNT(*) > 1) d
            """),
        scalar(
            "SELECT COUNT(*) FROM job_runs WHERE scheduled_for = ? AND status = 'completed'", at),
        Instant.ofEpochMilli(
            scalar("SELECT MIN(start_time) FROM job_runs WHERE scheduled_for = ?", at)),
        Instant.ofEpochMilli(
            scalar("SELECT MAX(end_time) FROM job_runs WHERE scheduled_for = ?", at)));
  }

  /** First start and last end of the runs with an id above {@code afterId}, in epoch ms. */
  long[] span(long afterId) {
    return new long[] {
      scalar("SELECT MIN(start_time) FROM job_runs WHERE id > ?", afterId),
      scalar("SELECT MAX(end_time) FROM job_runs WHERE id > ?", afterId)
    };
  }

  /** What one fire instant left in the database. */
  record StormOutcome(
      long runs,
      long schedules,
      long duplicatePairs,
      long completed,
      Instant firstStart,
      Instant lastEnd) {}

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, parameters);
      return s.executeUpdate();
    }
  }

  private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
