package io.suasor.jobs.store;

import static io.suasor.jobs.store.Jdbc.instant;
import static io.suasor.jobs.store.Jdbc.nullableLong;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Runs as records: insert, read and query. */
final class RunStore {
  static final String COLUMNS =
      """
      id, job_name, job_type, user_id, status, start_time, end_time, progress, total_items,
      processed_items, status_message, error_message, metadata, created_at, updated_at,
      schedule_id, trigger_kind, attempt, retry_of, scheduled_for, run_at, node_id, heartbeat_at,
      cancel_requested, parameters, timeout_ms, after_run_id""";

  static final String SELECT = "SELECT " + COLUMNS + " FROM job_runs ";

  /** The columns a new run is inserted with; {@link #values} gives one row of them. */
  static final String INSERT_COLUMNS =
      """
      INSERT INTO job_runs (job_name, job_type, user_id, schedule_id, status, trigger_kind, attempt,
          retry_of, after_run_id, scheduled_for, run_at, parameters, timeout_ms, concurrency_key,
          concurrency_limit, created_at, updated_at)
      VALUES\s""";

  /** One row's placeholders, in the order of {@link #INSERT_COLUMNS}. */
  static final String ROW = "(?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The bound values of one row. */
  static final int VALUES_PER_ROW = 16;

  private static final String INSERT_VALUES = INSERT_COLUMNS + ROW + "\n";

  private static final String INSERT = INSERT_VALUES + "RETURNING " + COLUMNS;

  /** A chained run: nothing when its schedule already has a run after that finished run. */
  private static final String INSERT_UNLESS_FOLLOWED =
      INSERT_VALUES
          + """
          ON CONFLICT (schedule_id, after_run_id) WHERE after_run_id IS NOT NULL DO NOTHING
          RETURNING \s"""
          + COLUMNS;

  private final Database database;

  RunStore(Database database) {
    this.database = database;
  }

  JobRun create(NewRun run, Instant now) {
    return database.write("create a run of '" + run.jobName() + "'", c -> insert(c, run, now));
  }

  /**
   * Inserts all runs in one transaction: all of them or, when one fails, none. PostgreSQL takes
   * them by {@code COPY}, which measured faster; SQLite (or a connection that cannot COPY) by
   * multi-row inserts.
   */
  List<JobRun> createAll(List<NewRun> runs, Instant now) {
    if (runs.isEmpty()) {
      return List.of();
    }
    List<JobRun> created =
        database.inTransaction("create " + runs.size() + " runs", c -> insertAll(c, runs, now));
    if (runs.size() >= REFRESH_AFTER) {
      refreshStatistics();
    }
    return created;
  }

  /**
   * Runs inserted at once from which the planner's statistics are refreshed: a claim planned for
   * "no pending runs" while thousands wait reads them all (see {@link Dialect#refreshStatistics}).
   */
  static final int REFRESH_AFTER = 1_000;

  /** Refreshes the planner's statistics of the runs (see {@link Dialect#refreshStatistics}). */
  void refreshStatistics() {
    database.write(
        "refresh the statistics of job_runs",
        c -> {
          database.dialect().refreshStatistics(c, "job_runs");
          return null;
        });
  }

  /** Inserts {@code runs} in the caller's transaction: by COPY where it can, else multi-row. */
  static List<JobRun> insertAll(Connection c, List<NewRun> runs, Instant now) throws SQLException {
    if (runs.isEmpty()) {
      return List.of();
    }
    return RunCopyInsert.canCopy(c)
        ? RunCopyInsert.insert(c, runs, now)
        : RunBatchInsert.insert(c, runs, now);
  }

  static JobRun insert(Connection c, NewRun run, Instant now) throws SQLException {
    return insert(c, INSERT, run, now).orElseThrow();
  }

  /**
   * Inserts a run of a chain ({@code afterRunId} set) unless its schedule already has one after the
   * same finished run; empty then.
   */
  static Optional<JobRun> insertUnlessFollowed(Connection c, NewRun run, Instant now)
      throws SQLException {
    return insert(c, INSERT_UNLESS_FOLLOWED, run, now);
  }

  private static Optional<JobRun> insert(Connection c, String sql, NewRun run, Instant now)
      throws SQLException {
    return Jdbc.queryOne(c, sql, RunStore::map, values(run, now));
  }

  /** The bound values of one row of {@link #INSERT_COLUMNS}, in their order. */
  static Object[] values(NewRun run, Instant now) {
    return new Object[] {
      run.jobName(),
      run.jobType().value(),
      Jdbc.nullableLong(run.userId()),
      Jdbc.nullableLong(run.scheduleId()),
      run.trigger().value(),
      run.attempt(),
      Jdbc.nullableLong(run.retryOf()),
      Jdbc.nullableLong(run.afterRunId()),
      Jdbc.nullableTime(run.scheduledFor()),
      run.runAt(),
      run.parameters(),
      Jdbc.nullableLong(run.timeout() == null ? null : run.timeout().toMillis()),
      Jdbc.nullableText(run.concurrencyKey()),
      run.concurrencyLimit(),
      now,
      now
    };
  }

  Optional<JobRun> byId(long runId) {
    return database.read(
        "read run " + runId, c -> Jdbc.queryOne(c, SELECT + "WHERE id = ?", RunStore::map, runId));
  }

  List<JobRun> recent(int limit) {
    return database.read(
        "list recent runs",
        c -> Jdbc.query(c, SELECT + "ORDER BY id DESC LIMIT ?", RunStore::map, limit));
  }

  List<JobRun> byUser(long userId, int limit) {
    return database.read(
        "list runs of user " + userId,
        c ->
            Jdbc.query(
                c,
                SELECT + "WHERE user_id = ? ORDER BY id DESC LIMIT ?",
                RunStore::map,
                userId,
                limit));
  }

  /**
   * The ids from the partial indexes of pending and running runs, then those runs: PostgreSQL
   * answered {@code status IN (…)} by reading the whole table (2 s on ten million runs), and SQLite
   * did the same with the statuses written as OR (2.7 s), taking a partial index only to read ids
   * from it (see {@link RunFilter#PENDING_IDS}).
   */
  static final String ACTIVE =
      SELECT
          + "WHERE id IN ("
          + RunFilter.PENDING_IDS
          + "\nUNION ALL "
          + RunFilter.RUNNING_IDS
          + ") ORDER BY id";

  List<JobRun> active() {
    return database.read("list active runs", c -> Jdbc.query(c, ACTIVE, RunStore::map));
  }

  RunPage find(RunQuery q) {
    RunFilter filter = RunFilter.of(q);
    List<JobRun> rows =
        database.read(
            "query runs",
            c -> Jdbc.query(c, filter.sql(), RunStore::map, filter.values().toArray()));
    boolean more = rows.size() > q.limit();
    List<JobRun> page = more ? rows.subList(0, q.limit()) : rows;
    return new RunPage(page, more ? page.get(page.size() - 1).id() : null);
  }

  List<JobRun> changedAfter(Instant updatedAt, long id, int limit) {
    return database.read(
        "follow changed runs",
        c ->
            Jdbc.query(
                c,
                SELECT
                    + """
                    WHERE updated_at > ? OR (updated_at = ? AND id > ?)
                    ORDER BY updated_at, id
                    LIMIT ?
                    """,
                RunStore::map,
                updatedAt,
                updatedAt,
                id,
                limit));
  }

  /**
   * The row a run is inserted as, without reading it back: the given values and the columns'
   * defaults (the bulk insert's contract test checks that it equals the stored row).
   */
  static JobRun pending(long id, NewRun run, Instant now) {
    return new JobRun(
        id,
        run.jobName(),
        run.jobType(),
        run.userId(),
        JobStatus.PENDING,
        null,
        null,
        0,
        0,
        0,
        null,
        null,
        "{}",
        now,
        now,
        run.scheduleId(),
        run.trigger(),
        run.attempt(),
        run.retryOf(),
        run.scheduledFor(),
        run.runAt(),
        null,
        null,
        false,
        run.parameters(),
        run.timeout() == null ? null : run.timeout().toMillis(),
        run.afterRunId());
  }

  static JobRun map(ResultSet row) throws SQLException {
    return new JobRun(
        row.getLong("id"),
        row.getString("job_name"),
        JobType.fromValue(row.getString("job_type")),
        nullableLong(row, "user_id"),
        JobStatus.fromValue(row.getString("status")),
        instant(row, "start_time"),
        instant(row, "end_time"),
        row.getInt("progress"),
        row.getLong("total_items"),
        row.getLong("processed_items"),
        row.getString("status_message"),
        row.getString("error_message"),
        row.getString("metadata"),
        instant(row, "created_at"),
        instant(row, "updated_at"),
        nullableLong(row, "schedule_id"),
        Trigger.fromValue(row.getString("trigger_kind")),
        row.getInt("attempt"),
        nullableLong(row, "retry_of"),
        instant(row, "scheduled_for"),
        instant(row, "run_at"),
        row.getString("node_id"),
        instant(row, "heartbeat_at"),
        row.getBoolean("cancel_requested"),
        row.getString("parameters"),
        nullableLong(row, "timeout_ms"),
        nullableLong(row, "after_run_id"));
  }
}
