package io.suasor.jobs.store;

import static io.suasor.jobs.store.Jdbc.instant;
import static io.suasor.jobs.store.Jdbc.nullableInt;
import static io.suasor.jobs.store.Jdbc.nullableLong;

import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.MisfirePolicy;
import io.suasor.jobs.schedule.InvalidScheduleException;
import io.suasor.jobs.schedule.Schedule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The schedule half of {@link JdbcJobRepository}. */
final class ScheduleStore {
  static final String COLUMNS =
      """
      id, name, job_name, job_type, user_id, frequency, time_zone, enabled, config,
      last_run_time, next_run_time, misfire_policy, max_attempts, timeout_seconds,
      created_at, updated_at, version""";

  static final String SELECT = "SELECT " + COLUMNS + " FROM job_schedules ";

  private static final String INSERT =
      """
      INSERT INTO job_schedules (name, job_name, job_type, user_id, frequency, after_job, time_zone,
          enabled, config, last_run_time, next_run_time, misfire_policy, max_attempts,
          timeout_seconds, created_at, updated_at, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
      RETURNING \s"""
          + COLUMNS;

  private static final String UPDATE =
      """
      UPDATE job_schedules
      SET job_name = ?, job_type = ?, user_id = ?, frequency = ?, after_job = ?, time_zone = ?,
          enabled = ?, config = ?, next_run_time = ?, misfire_policy = ?, max_attempts = ?,
          timeout_seconds = ?, updated_at = ?, version = version + 1
      WHERE name = ? AND version = ?
      RETURNING \s"""
          + COLUMNS;

  private final Database database;

  ScheduleStore(Database database) {
    this.database = database;
  }

  Optional<JobSchedule> byName(String name) {
    return database.read(
        "read schedule '" + name + "'",
        c -> Jdbc.queryOne(c, SELECT + "WHERE name = ?", ScheduleStore::map, name));
  }

  Optional<JobSchedule> byId(long id) {
    return database.read(
        "read schedule " + id,
        c -> Jdbc.queryOne(c, SELECT + "WHERE id = ?", ScheduleStore::map, id));
  }

  List<JobSchedule> due(Instant now, int limit) {
    return database.read(
        "find due schedules",
        c ->
            Jdbc.query(
                c,
                SELECT + "WHERE enabled AND next_run_time <= ? ORDER BY next_run_time, id LIMIT ?",
                ScheduleStore::map,
                now,
                limit));
  }

  JobSchedule create(JobSchedule s, Instant now) {
    return database.write(
        "create schedule '" + s.name() + "'",
        c ->
            Jdbc.queryOne(
                    c,
                    INSERT,
                    ScheduleStore::map,
                    s.name(),
                    s.jobName(),
                    s.jobType().value(),
                    Jdbc.nullableLong(s.userId()),
                    s.frequency(),
                    Jdbc.nullableText(afterJob(s)),
                    s.timeZone(),
                    s.enabled(),
                    s.config(),
                    Jdbc.nullableTime(s.lastRunTime()),
                    Jdbc.nullableTime(s.nextRunTime()),
                    s.misfirePolicy().value(),
                    s.maxAttempts() == null ? Jdbc.nullableLong(null) : s.maxAttempts(),
                    Jdbc.nullableLong(s.timeoutSeconds()),
                    now,
                    now)
                .orElseThrow());
  }

  JobSchedule update(JobSchedule s, Instant now) {
    return database.inTransaction(
        "update schedule '" + s.name() + "'",
        c -> {
          Optional<JobSchedule> updated =
              Jdbc.queryOne(
                  c,
                  UPDATE,
                  ScheduleStore::map,
                  s.jobName(),
                  s.jobType().value(),
                  Jdbc.nullableLong(s.userId()),
                  s.frequency(),
                  Jdbc.nullableText(afterJob(s)),
                  s.timeZone(),
                  s.enabled(),
                  s.config(),
                  Jdbc.nullableTime(s.nextRunTime()),
                  s.misfirePolicy().value(),
                  s.maxAttempts() == null ? Jdbc.nullableLong(null) : s.maxAttempts(),
                  Jdbc.nullableLong(s.timeoutSeconds()),
                  now,
                  s.name(),
                  s.version());
          if (updated.isPresent()) {
            return updated.get();
          }
          if (Jdbc.queryOne(c, "SELECT id FROM job_schedules WHERE name = ?", r -> 1, s.name())
              .isEmpty()) {
            throw new StoreException("there is no schedule named '" + s.name() + "'");
          }
          throw new StaleScheduleException(s.name(), s.version());
        });
  }

  /**
   * The job a schedule follows, kept in its own column for the statement that ends runs. A
   * frequency that cannot be read follows nothing (the firer stops such a schedule until edited).
   */
  private static String afterJob(JobSchedule s) {
    try {
      // The zone does not change which job a text names.
      return Schedule.parse(s.frequency()).afterJob().orElse(null);
    } catch (InvalidScheduleException e) {
      return null;
    }
  }

  boolean delete(String name) {
    return database.write(
            "delete schedule '" + name + "'",
            c -> Jdbc.update(c, "DELETE FROM job_schedules WHERE name = ?", name))
        > 0;
  }

  /**
   * The due schedules one firing transaction takes, at most {@code limit}, locked until it ends; on
   * PostgreSQL those another node is firing are skipped, so that nodes fire disjoint batches
   * instead of racing for the same ones. Ordered by due time alone: schedules due at one instant
   * are taken in index order, without sorting them all by id first.
   */
  static List<JobSchedule> takeDue(Connection c, Dialect dialect, Instant now, int limit)
      throws SQLException {
    return Jdbc.query(
        c,
        SELECT
            + "WHERE enabled AND next_run_time <= ? ORDER BY next_run_time LIMIT ? "
            + dialect.skipLockedSuffix(),
        ScheduleStore::map,
        now,
        limit);
  }

  /**
   * {@link #advance} for many firings, one statement per group of firings that move the same way
   * (the same expected and new next run time and last run time): the schedules of a fire storm,
   * daily at one time in one zone, are one group. Returns the ids of the schedules that still held
   * the next run time their firing expected. Measured in a storm of 100,000 schedules on three
   * nodes: one statement per schedule cost 11.3 s of database time, one update joined with a list
   * of all 500 firings of a batch 15.6 s (the planner joins the list by reading every schedule).
   * The next run time is compared as {@code next_run_time + 0}, so that the schedules are found by
   * their ids: on the due index the update read all 100,000 schedules due at that instant, 63 s.
   */
  static Set<Long> advanceAll(Connection c, List<Fire> fires) throws SQLException {
    Map<List<Instant>, List<Long>> groups = new LinkedHashMap<>();
    for (Fire fire : fires) {
      groups
          .computeIfAbsent(
              Arrays.asList(fire.expectedNextRunTime(), fire.newNextRunTime(), fire.lastRunTime()),
              k -> new ArrayList<>())
          .add(fire.scheduleId());
    }
    Set<Long> advanced = new HashSet<>();
    for (Map.Entry<List<Instant>, List<Long>> group : groups.entrySet()) {
      List<Instant> move = group.getKey();
      List<Long> ids = group.getValue();
      Object[] params = new Object[4 + ids.size()];
      params[0] = Jdbc.nullableTime(move.get(1));
      params[1] = Jdbc.nullableTime(move.get(2));
      params[2] = fires.get(0).now();
      params[3] = move.get(0);
      for (int i = 0; i < ids.size(); i++) {
        params[4 + i] = ids.get(i);
      }
      String sql =
          ADVANCE_ALL.computeIfAbsent(
              ids.size(),
              n ->
                  """
                  UPDATE job_schedules SET next_run_time = ?, last_run_time = ?, updated_at = ?
                  WHERE enabled AND next_run_time + 0 = ? AND id IN (%s)
                  RETURNING id"""
                      .formatted(String.join(", ", Collections.nCopies(n, "?"))));
      advanced.addAll(Jdbc.query(c, sql, r -> r.getLong(1), params));
    }
    return advanced;
  }

  /** The batched advance's text per number of schedules (one text, hence one plan, per size). */
  private static final Map<Integer, String> ADVANCE_ALL = new ConcurrentHashMap<>();

  private static Object[] advanceValues(Fire fire) {
    return new Object[] {
      Jdbc.nullableTime(fire.newNextRunTime()),
      Jdbc.nullableTime(fire.lastRunTime()),
      fire.now(),
      fire.scheduleId(),
      fire.expectedNextRunTime()
    };
  }

  private static final String ADVANCE =
      """
      UPDATE job_schedules SET next_run_time = ?, last_run_time = ?, updated_at = ?
      WHERE id = ? AND enabled AND next_run_time = ?
      """;

  /**
   * Moves next_run_time if it still holds the value this node saw: the firing's compare-and-set.
   */
  static boolean advance(Connection c, Fire fire) throws SQLException {
    return Jdbc.update(c, ADVANCE, advanceValues(fire)) == 1;
  }

  static JobSchedule map(ResultSet row) throws SQLException {
    return JobSchedule.builder(row.getString("job_name"))
        .id(row.getLong("id"))
        .name(row.getString("name"))
        .jobType(JobType.fromValue(row.getString("job_type")))
        .userId(nullableLong(row, "user_id"))
        .frequency(row.getString("frequency"))
        .timeZone(row.getString("time_zone"))
        .enabled(row.getBoolean("enabled"))
        .config(row.getString("config"))
        .lastRunTime(instant(row, "last_run_time"))
        .nextRunTime(instant(row, "next_run_time"))
        .misfirePolicy(MisfirePolicy.fromValue(row.getString("misfire_policy")))
        .maxAttempts(nullableInt(row, "max_attempts"))
        .timeoutSeconds(nullableLong(row, "timeout_seconds"))
        .createdAt(instant(row, "created_at"))
        .updatedAt(instant(row, "updated_at"))
        .version(row.getLong("version"))
        .build();
  }
}
