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
   * Pending runs, as the two partial indexes that hold them see them: claimable ones (no node) and
   * those held by a node that claimed them ahead of its workers. A plain "status = 'pending'"
   * implies neither index's predicate, and PostgreSQL would read the whole table for it.
   */
  static final String PENDING =
      "((status = 'pending' AND node_id IS NULL) OR (status = 'pending' AND node_id IS NOT NULL))";

  /**
   * The status as a literal of the fixed set, not a bound value: the partial indexes of pending,
   * running, failed and cancelled runs serve only a statement whose status the planner can see, and
   * a prepared statement's generic plan cannot.
   */
  private static String statusCondition(RunQuery q) {
    return switch (q.status()) {
      case PENDING -> PENDING;
      case RUNNING -> "status = 'running'";
      case COMPLETED -> "status = 'completed'";
      case FAILED -> "status = 'failed'";
      case CANCELLED -> "status = 'cancelled'";
    };
  }
}
