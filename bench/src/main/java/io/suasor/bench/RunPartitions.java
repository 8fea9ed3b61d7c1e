package io.suasor.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16's question whether time partitions of {@code job_runs} prune faster than batched
 * deletes, built in the bench only: {@link #convert} turns a migrated (and filled) {@code job_runs}
 * into one partitioned by month of {@code created_at}, and {@link #dropExpired} removes the
 * partitions that lie wholly past retention.
 *
 * <p>A unique index of a partitioned table must hold the partition key, so the three unique keys
 * the engine's exactly-once guarantees rest on ({@code job_runs_fire}, {@code job_runs_exclusive},
 * {@code job_runs_after}) would hold only within one month of creation: two nodes firing one
 * instant stamp different {@code created_at}, and two runs of one exclusive key created in two
 * months could run at once. They move into side tables written by triggers instead, which raise the
 * same unique violation (SQLSTATE 23505) the engine already handles: fire keys in {@code
 * job_run_fires}, partitioned by the fire instant (which is in its key, so it stays unique across
 * partitions), chain keys in {@code job_run_afters}, and the taken slots of exclusive keys in
 * {@code job_run_slots} (a row per running or held run, so it stays small). The primary key becomes
 * {@code (id, created_at)}, so {@code job_run_logs} loses its foreign key and cascade.
 */
final class RunPartitions {
  private static final Pattern BOUNDS =
      Pattern.compile("FROM \\('?(-?\\d+)'?\\) TO \\('?(-?\\d+)'?\\)");

  /** What {@link #convert} did, step by step, in seconds. */
  record Conversion(long runs, int partitions, double copy, double keys, double indexes) {
    double total() {
      return copy + keys + indexes;
    }
  }

  /** What {@link #dropExpired} removed. */
  record Dropped(long runs, int partitions) {}

  private static final String SIDE_TABLES =
      """
      CREATE TABLE job_run_fires (
          schedule_id BIGINT NOT NULL, scheduled_for BIGINT NOT NULL, run_id BIGINT NOT NULL,
          PRIMARY KEY (schedule_id, scheduled_for)) PARTITION BY RANGE (scheduled_for);
      CREATE TABLE job_run_afters (
          schedule_id BIGINT NOT NULL, after_run_id BIGINT NOT NULL, run_id BIGINT NOT NULL,
          PRIMARY KEY (schedule_id, after_run_id));
      CREATE TABLE job_run_slots (concurrency_key TEXT PRIMARY KEY, run_id BIGINT NOT NULL);

      CREATE FUNCTION suasor_run_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
          IF NEW.schedule_id IS NOT NULL AND NEW.scheduled_for IS NOT NULL THEN
              INSERT INTO job_run_fires VALUES (NEW.schedule_id, NEW.scheduled_for, NEW.id);
          END IF;
          IF NEW.schedule_id IS NOT NULL AND NEW.after_run_id IS NOT NULL THEN
              INSERT INTO job_run_afters VALUES (NEW.schedule_id, NEW.after_run_id, NEW.id);
          END IF;
          RETURN NULL;
      END;
      $$;
      CREATE TRIGGER job_runs_keys AFTER INSERT ON job_runs FOR EACH ROW
          WHEN (NEW.scheduled_for IS NOT NULL OR NEW.after_run_id IS NOT NULL)
          EXECUTE FUNCTION suasor_run_keys();

      CREATE FUNCTION suasor_run_slot() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
          held BOOLEAN := NEW.status = 'running' OR (NEW.status = 'pending' AND NEW.node_id IS NOT NULL);
          was  BOOLEAN := TG_OP = 'UPDATE' AND OLD.concurrency_limit = 1
                          AND (OLD.status = 'running' OR (OLD.status = 'pending' AND OLD.node_id IS NOT NULL));
      BEGIN
          IF held AND NOT was THEN
              INSERT INTO job_run_slots VALUES (NEW.concurrency_key, NEW.id);
          ELSIF was AND NOT held THEN
              DELETE FROM job_run_slots WHERE concurrency_key = OLD.concurrency_key AND run_id = OLD.id;
          END IF;
          RETURN NULL;
      END;
      $$;
      CREATE TRIGGER job_runs_slot AFTER INSERT OR UPDATE OF status, node_id ON job_runs FOR EACH ROW
          WHEN (NEW.concurrency_limit = 1 AND NEW.concurrency_key IS NOT NULL)
          EXECUTE FUNCTION suasor_run_slot();
      """;

  private RunPartitions() {}

  /**
   * Recreates {@code job_runs} as partitioned by month of {@code created_at}, from the month of
   * {@code first} to two months past {@code last} (no default partition: with one, PostgreSQL 14
   * refuses {@code DETACH … CONCURRENTLY}), with the migrations' secondary indexes and triggers and
   * the side tables of the unique keys; copies the runs. One transaction.
   */
  static Conversion convert(Connection c, Instant first, Instant last) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      List<String> indexes =
          strings(
              s,
              """
              SELECT indexdef FROM pg_indexes
              WHERE tablename = 'job_runs' AND NOT indexdef LIKE 'CREATE UNIQUE%'
              """);
      List<String> triggers =
          strings(
              s,
              """
              SELECT pg_get_triggerdef(oid) FROM pg_trigger
              WHERE tgrelid = 'job_runs'::regclass AND NOT tgisinternal
              """);
      s.execute(
          """
          CREATE TABLE job_runs_by_month (LIKE job_runs INCLUDING DEFAULTS INCLUDING IDENTITY)
              PARTITION BY RANGE (created_at)""");
      List<LocalDate> months = months(first, last);
      for (int i = 0; i + 1 < months.size(); i++) {
        s.execute(partition("job_runs_by_month", "job_runs_p", months.get(i), months.get(i + 1)));
      }
      long began = System.nanoTime();
      long runs = s.executeUpdate("INSERT INTO job_runs_by_month SELECT * FROM job_runs");
      s.execute(
          """
          SELECT setval(pg_get_serial_sequence('job_runs_by_month', 'id'),
                        (SELECT COALESCE(max(id), 0) + 1 FROM job_runs), false)""");
      double copy = (System.nanoTime() - began) / 1e9;
      s.execute("DROP TABLE job_runs CASCADE");
      s.execute("ALTER TABLE job_runs_by_month RENAME TO job_runs");
      s.execute("ALTER SEQUENCE job_runs_by_month_id_seq RENAME TO job_runs_id_seq");
      began = System.nanoTime();
      s.execute("ALTER TABLE job_runs ADD PRIMARY KEY (id, created_at)");
      s.execute(
          """
          ALTER TABLE job_runs ADD FOREIGN KEY (schedule_id) REFERENCES job_schedules (id)
              ON DELETE SET NULL""");
      s.execute(SIDE_TABLES);
      for (int i = 0; i + 1 < months.size(); i++) {
        s.execute(partition("job_run_fires", "job_run_fires_p", months.get(i), months.get(i + 1)));
      }
      s.execute(
          """
          INSERT INTO job_run_fires SELECT schedule_id, scheduled_for, id FROM job_runs
          WHERE schedule_id IS NOT NULL AND scheduled_for IS NOT NULL;
          INSERT INTO job_run_afters SELECT schedule_id, after_run_id, id FROM job_runs
          WHERE schedule_id IS NOT NULL AND after_run_id IS NOT NULL;
          INSERT INTO job_run_slots SELECT concurrency_key, id FROM job_runs
          WHERE concurrency_limit = 1 AND concurrency_key IS NOT NULL
            AND (status = 'running' OR (status = 'pending' AND node_id IS NOT NULL))""");
      double keys = (System.nanoTime() - began) / 1e9;
      began = System.nanoTime();
      for (String index : indexes) {
        if (!index.contains(" job_runs_pkey ")) {
          s.execute(index);
        }
      }
      double indexing = (System.nanoTime() - began) / 1e9;
      for (String trigger : triggers) {
        s.execute(trigger);
      }
      c.commit();
      return new Conversion(runs, months.size() - 1, copy, keys, indexing);
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * Detaches (concurrently: only a SHARE UPDATE EXCLUSIVE lock on {@code job_runs}, which claims
   * and ends do not wait for) and drops each partition wholly before {@code cutoff} whose runs all
   * ended before it, with their logs; then the fire keys' partitions before it. A partition that
   * still holds a run not ended past retention stays, for the batched deletes. {@code c} must be in
   * autocommit: a concurrent detach cannot run in a transaction.
   */
  static Dropped dropExpired(Connection c, Instant cutoff) throws SQLException {
    long runs = 0;
    int partitions = 0;
    try (Statement s = c.createStatement()) {
      for (String partition : partitionsBefore(s, "job_runs", cutoff)) {
        long[] counts =
            longs(
                s,
                """
                SELECT count(*), count(*) FILTER (WHERE end_time IS NULL OR end_time >= %d
                    OR status NOT IN ('completed', 'failed', 'cancelled'))
                FROM %s"""
                    .formatted(cutoff.toEpochMilli(), partition));
        if (counts[1] > 0) {
          continue;
        }
        s.execute("ALTER TABLE job_runs DETACH PARTITION " + partition + " CONCURRENTLY");
        s.execute(
            "DELETE FROM job_run_logs WHERE run_id IN (SELECT id FROM %s)".formatted(partition));
        s.execute("DROP TABLE " + partition);
        runs += counts[0];
        partitions++;
      }
      for (String partition : partitionsBefore(s, "job_run_fires", cutoff)) {
        s.execute("ALTER TABLE job_run_fires DETACH PARTITION " + partition + " CONCURRENTLY");
        s.execute("DROP TABLE " + partition);
      }
    }
    return new Dropped(runs, partitions);
  }

  private static List<String> partitionsBefore(Statement s, String table, Instant cutoff)
      throws SQLException {
    List<String> before = new ArrayList<>();
    try (ResultSet r =
        s.executeQuery(
            """
            SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = '%s'::regclass ORDER BY c.relname"""
                .formatted(table))) {
      while (r.next()) {
        Matcher bounds = BOUNDS.matcher(r.getString(2));
        if (bounds.find() && Long.parseLong(bounds.group(2)) <= cutoff.toEpochMilli()) {
          before.add(r.getString(1));
        }
      }
    }
    return before;
  }

  /** First days of the months from {@code first}'s to two months past {@code last}'s, in UTC. */
  private static List<LocalDate> months(Instant first, Instant last) {
    LocalDate month = LocalDate.ofInstant(first, ZoneOffset.UTC).withDayOfMonth(1);
    LocalDate end = LocalDate.ofInstant(last, ZoneOffset.UTC).withDayOfMonth(1).plusMonths(3);
    List<LocalDate> months = new ArrayList<>();
    for (; !month.isAfter(end); month = month.plusMonths(1)) {
      months.add(month);
    }
    return months;
  }

  private static String partition(String table, String prefix, LocalDate from, LocalDate to) {
    return "CREATE TABLE %s%d_%02d PARTITION OF %s FOR VALUES FROM (%d) TO (%d)"
        .formatted(prefix, from.getYear(), from.getMonthValue(), table, millis(from), millis(to));
  }

  private static long millis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  private static List<String> strings(Statement s, String sql) throws SQLException {
    List<String> found = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        found.add(r.getString(1));
      }
    }
    return found;
  }

  private static long[] longs(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return new long[] {r.getLong(1), r.getLong(2)};
    }
  }
}
