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
import java.util.List;
import java.util.Optional;

/** The schedule half of {@link JdbcJobRepository}. */
final class ScheduleStore {
  static final String COLUMNS =
      """
      id, name, job_name, job_type, user_id, frequency, time_zone, enabled, config,
      last_run_time, next_run_time, misfire_policy, max_attempts, timeout_seconds,
      created_at, updated_at, version""";

  private static final String SELECT = "SELECT " + COLUMNS + " FROM job_schedules ";

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

  List<JobSchedule> all() {
    return database.read(
        "list schedules", c -> Jdbc.query(c, SELECT + "ORDER BY name", ScheduleStore::map));
  }

  /**
   * One page in name order, after the schedule {@code afterId} when given; {@code visibleTo} keeps
   * that user's schedules and the system's. The cursor is an id, whose name is the point to go on
   * from, so that it is a number like the run history's.
   */
  SchedulePage page(Long visibleTo, Long afterId, int limit) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (visibleTo != null) {
      conditions.add("(user_id = ? OR user_id IS NULL)");
      values.add(visibleTo);
    }
    if (afterId != null) {
      conditions.add("name > (SELECT a.name FROM job_schedules a WHERE a.id = ?)");
      values.add(afterId);
    }
    values.add(limit + 1);
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    List<JobSchedule> rows =
        database.read(
            "list a page of schedules",
            c ->
                Jdbc.query(
                    c,
                    SELECT + where + "ORDER BY name LIMIT ?",
                    ScheduleStore::map,
                    values.toArray()));
    boolean more = rows.size() > limit;
    List<JobSchedule> page = more ? rows.subList(0, limit) : rows;
    return new SchedulePage(page, more ? page.get(page.size() - 1).id() : null);
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
   * Moves next_run_time if it still holds the value this node saw: the firing's compare-and-set.
   */
  static boolean advance(Connection c, Fire fire) throws SQLException {
    return Jdbc.update(
            c,
            """
            UPDATE job_schedules SET next_run_time = ?, last_run_time = ?, updated_at = ?
            WHERE id = ? AND enabled AND next_run_time = ?
            """,
            Jdbc.nullableTime(fire.newNextRunTime()),
            Jdbc.nullableTime(fire.lastRunTime()),
            fire.now(),
            fire.scheduleId(),
            fire.expectedNextRunTime())
        == 1;
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
