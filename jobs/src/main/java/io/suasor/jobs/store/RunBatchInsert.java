package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.NewRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Inserts many runs with one multi-row {@code INSERT … VALUES (…),(…) RETURNING id} per batch, all
 * in the caller's transaction; the runs are built from what was inserted and the returned ids.
 *
 * <p>A batch is sized to stay under SQLite's 32,766 bound parameters per statement (PostgreSQL
 * allows 65,535).
 */
final class RunBatchInsert {
  /** Rows per statement: 2,000 rows of 16 values are 32,000 parameters, under SQLite's 32,766. */
  static final int ROWS_PER_STATEMENT = 2_000;

  private static final String FULL_BATCH = sql(ROWS_PER_STATEMENT);

  private RunBatchInsert() {}

  /** The inserted runs in the order of {@code runs}, with their ids. */
  static List<JobRun> insert(Connection c, List<NewRun> runs, Instant now) throws SQLException {
    List<JobRun> inserted = new ArrayList<>(runs.size());
    for (int from = 0; from < runs.size(); from += ROWS_PER_STATEMENT) {
      List<NewRun> batch = runs.subList(from, Math.min(runs.size(), from + ROWS_PER_STATEMENT));
      Object[] values = new Object[batch.size() * RunStore.VALUES_PER_ROW];
      for (int i = 0; i < batch.size(); i++) {
        Object[] row = RunStore.values(batch.get(i), now);
        System.arraycopy(row, 0, values, i * RunStore.VALUES_PER_ROW, row.length);
      }
      String sql = batch.size() == ROWS_PER_STATEMENT ? FULL_BATCH : sql(batch.size());
      List<Long> ids = new ArrayList<>(Jdbc.query(c, sql, r -> r.getLong("id"), values));
      // Neither database promises RETURNING's order; ids grow in VALUES order within a statement.
      ids.sort(Comparator.naturalOrder());
      for (int i = 0; i < batch.size(); i++) {
        inserted.add(RunStore.pending(ids.get(i), batch.get(i), now));
      }
    }
    return inserted;
  }

  private static String sql(int rows) {
    StringBuilder sql = new StringBuilder(RunStore.INSERT_COLUMNS);
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ",\n").append(RunStore.ROW);
    }
    // Only the ids: reading 27 columns of every row back cost more than the insert itself.
    return sql.append("\nRETURNING id").toString();
  }
}
