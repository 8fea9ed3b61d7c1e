package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.NewRun;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Inserts many runs on PostgreSQL with {@code COPY … FROM STDIN}, in the caller's transaction. The
 * ids are taken from the table's identity sequence first, so that each row's id is known without
 * reading the rows back or racing other writers. It measured faster than {@link RunBatchInsert}'s
 * multi-row insert (docs/BENCHMARKS.md, scenario 6).
 */
final class RunCopyInsert {
  /**
   * The identity's sequence is named as a constant (its default name, from the migration): looked
   * up by {@code pg_get_serial_sequence} in the statement it took 7 times as long, per id.
   */
  private static final String RESERVE_IDS =
      "SELECT nextval('job_runs_id_seq') AS id FROM generate_series(1, ?)";

  private static final String COPY =
      """
      COPY job_runs (id, job_name, job_type, user_id, schedule_id, status, trigger_kind, attempt,
          retry_of, after_run_id, scheduled_for, run_at, parameters, timeout_ms, concurrency_key,
          concurrency_limit, created_at, updated_at)
      FROM STDIN (FORMAT csv)""";

  private static final String READ_BACK = RunStore.SELECT + "WHERE id = ANY (?) ORDER BY id";

  private RunCopyInsert() {}

  /** Whether {@code c} is a PostgreSQL connection that can COPY. */
  static boolean canCopy(Connection c) throws SQLException {
    return c.isWrapperFor(PGConnection.class);
  }

  /** The inserted runs in the order of {@code runs}, with their ids. */
  static List<JobRun> insert(Connection c, List<NewRun> runs, Instant now) throws SQLException {
    List<Long> ids = new ArrayList<>(Jdbc.query(c, RESERVE_IDS, r -> r.getLong("id"), runs.size()));
    ids.sort(Comparator.naturalOrder());
    StringBuilder csv = new StringBuilder(runs.size() * 128);
    for (int i = 0; i < runs.size(); i++) {
      appendRow(csv, ids.get(i), runs.get(i), now);
    }
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY of " + runs.size() + " runs could not be sent", e);
    }
    List<JobRun> inserted = new ArrayList<>(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      inserted.add(RunStore.pending(ids.get(i), runs.get(i), now));
    }
    return inserted;
  }

  private static void appendRow(StringBuilder csv, long id, NewRun run, Instant now) {
    csv.append(id).append(',');
    text(csv, run.jobName()).append(',');
    text(csv, run.jobType().value()).append(',');
    number(csv, run.userId()).append(',');
    number(csv, run.scheduleId()).append(",pending,");
    text(csv, run.trigger().value()).append(',');
    csv.append(run.attempt()).append(',');
    number(csv, run.retryOf()).append(',');
    number(csv, run.afterRunId()).append(',');
    number(csv, run.scheduledFor() == null ? null : run.scheduledFor().toEpochMilli()).append(',');
    csv.append(run.runAt().toEpochMilli()).append(',');
    text(csv, run.parameters()).append(',');
    number(csv, run.timeout() == null ? null : run.timeout().toMillis()).append(',');
    text(csv, run.concurrencyKey()).append(',');
    csv.append(run.concurrencyLimit()).append(',');
    csv.append(now.toEpochMilli()).append(',').append(now.toEpochMilli()).append('\n');
  }

  /** A quoted CSV field; an unquoted empty field is COPY's NULL. */
  private static StringBuilder text(StringBuilder csv, String value) {
    if (value == null) {
      return csv;
    }
    return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  private static StringBuilder number(StringBuilder csv, Long value) {
    return value == null ? csv : csv.append(value.longValue());
  }
}
