package io.suasor.jobs.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The history statement of one {@link RunQuery}: only the conditions the query has, each a fixed
 * fragment. One statement with every filter written {@code (? IS NULL OR …)} shared one prepared
 * plan among all combinations, and a generic plan of it can use no index but the primary key.
 *
 * <p>Without a time range the runs come newest id first and the cursor is the last id. With one
 * they come newest created first, from the {@code (created_at, id)} index, and the cursor's run
 * gives the point to go on from: ordered by id, a range long past was found only after reading
 * every newer run.
 */
record RunFilter(String sql, List<Object> values) {

  static RunFilter of(RunQuery q) {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    if (q.jobName() != null) {
      conditions.add("job_name = ?");
      values.add(q.jobName());
    }
    if (q.status() != null) {
      conditions.add(statusCondition(q));
    }
    if (q.userId() != null) {
      conditions.add("user_id = ?");
      values.add(q.userId());
    }
    if (q.visibleTo() != null) {
      conditions.add("(user_id = ? OR user_id IS NULL)");
      values.add(q.visibleTo());
    }
    if (q.createdFrom() != null) {
      conditions.add("created_at >= ?");
      values.add(q.createdFrom());
    }
    if (q.createdTo() != null) {
      conditions.add("created_at < ?");
      values.add(q.createdTo());
    }
    boolean byCreation = q.createdFrom() != null || q.createdTo() != null;
    if (q.beforeId() != null) {
      conditions.add(
          byCreation
              ? "(created_at, id) < (SELECT c.created_at, c.id FROM job_runs c WHERE c.id = ?)"
              : "id < ?");
      values.add(q.beforeId());
    }
    values.add(q.limit() + 1);
    String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    String order = byCreation ? "ORDER BY created_at DESC, id DESC" : "ORDER BY id DESC";
    return new RunFilter(RunStore.SELECT + where + order + "\nLIMIT ?", values);
  }

  /**
   * Pending runs, by their ids in the two partial indexes that hold them: claimable ones (no node)
   * and those held by a node that claimed them ahead of its workers. A plain "status = 'pending'"
   * implies neither index's predicate, and PostgreSQL would read the whole table for it; written as
   * a condition on the status, SQLite (which keeps no statistics here) read every run newest first
   * to find the few pending ones, 1.5 s among ten million. Each index holds the run's id, so the
   * subquery reads only the index, on both databases.
   */
  static final String PENDING_IDS =
      """
      SELECT id FROM job_runs WHERE status = 'pending' AND node_id IS NULL
      UNION ALL SELECT id FROM job_runs WHERE status = 'pending' AND node_id IS NOT NULL""";

  static final String RUNNING_IDS = "SELECT id FROM job_runs WHERE status = 'running'";

  /**
   * The status as a literal of the fixed set, not a bound value: the partial indexes of pending,
   * running, failed and cancelled runs serve only a statement whose status the planner can see, and
   * a prepared statement's generic plan cannot. SQLite takes a partial index only for a condition
   * that repeats the index's own terms, hence the failed index's {@code IN} written out, and the
   * pending and running runs found by id as {@link #PENDING_IDS} says.
   */
  private static String statusCondition(RunQuery q) {
    return switch (q.status()) {
      case PENDING -> "id IN (" + PENDING_IDS + ")";
      case RUNNING -> "id IN (" + RUNNING_IDS + ")";
      case COMPLETED -> "status = 'completed'";
      case FAILED -> "status IN ('failed', 'cancelled') AND status = 'failed'";
      case CANCELLED -> "status IN ('failed', 'cancelled') AND status = 'cancelled'";
    };
  }
}
