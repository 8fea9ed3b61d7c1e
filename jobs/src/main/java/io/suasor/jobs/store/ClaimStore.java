package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** How a node takes pending runs: due runs of its jobs in one statement, or one run by id. */
final class ClaimStore {
  private final Database database;
  private final Map<List<Integer>, String> claims = new ConcurrentHashMap<>();
  private final ClaimFloor floor;

  ClaimStore(Database database) {
    this.database = database;
    this.floor = new ClaimFloor(database);
  }

  /**
   * Lowers the bound claims start at to the earliest due time of {@code created}, runs this node
   * made claimable (see {@link ClaimFloor}).
   */
  void madeClaimable(Collection<JobRun> created) {
    created.stream().map(JobRun::runAt).min(Instant::compareTo).ifPresent(floor::lowerTo);
  }

  /**
   * The claim of the due runs of {@code jobs} named jobs, optionally taking only those of {@code
   * aheadOnly} named jobs among them. The candidates are picked once, in a materialised CTE: a
   * subquery under IN could be rescanned, and each rescan under SKIP LOCKED would lock further rows
   * past the LIMIT. The job names are compared as "job_name || ''", so that the candidates are read
   * in run order from the claim index, filtered as they come (on the job index the planner would
   * read every pending run of the jobs and sort them); the ahead-only names filter the update, not
   * the candidates, so that a claim ahead takes those jobs' runs among the first due ones. The
   * update compares "status || ''" for the same reason: with "status = 'pending'" (and "node_id IS
   * NULL") it matches the claim index's predicate, and the planner, whose statistics often date
   * from a moment with few pending runs, read every pending run from that index and joined each
   * with the candidates (measured: nearly every claim of a burn-down, 1-2 ms, against 0.2 ms by
   * primary key; on a large history with stale statistics, 300 ms a claim among ten million runs,
   * 20,000 of them pending, docs/SCALING.md). The candidates are locked (on SQLite, one writer), so
   * those conditions only fence.
   *
   * <p>A claim ahead holds the runs rather than starting them: they stay pending, with this node's
   * id, until the start of a worker that took them is written (with the node's batch of ends, see
   * {@link CompletionStore#record}, or {@link #start}). A held run is not a candidate, and counts
   * against its concurrency key as a running one does.
   */
  private String claimStatement(int jobs, int aheadOnly) {
    String onlyAhead =
        aheadOnly == 0
            ? ""
            : "AND job_name || '' IN ("
                + String.join(", ", Collections.nCopies(aheadOnly, "?"))
                + ")";
    return """
        WITH picked AS MATERIALIZED (
            SELECT p.id AS picked_id FROM job_runs p
            WHERE p.status = 'pending' AND p.node_id IS NULL AND p.run_at <= ? AND p.run_at >= ?
              AND (p.concurrency_key IS NULL OR p.concurrency_limit = 0
                   OR (SELECT COUNT(*) FROM job_runs r
                       WHERE r.concurrency_key = p.concurrency_key
                         AND (r.status = 'running'
                              OR (r.status = 'pending' AND r.node_id IS NOT NULL)
                              OR (r.status = 'pending' AND r.run_at <= ?
                                  AND (r.run_at < p.run_at
                                       OR (r.run_at = p.run_at AND r.id < p.id)))))
                      < p.concurrency_limit)
              AND %s
            ORDER BY p.run_at, p.id
            LIMIT ?
            %s
            )
            UPDATE job_runs
            SET %s
            WHERE status || '' = 'pending' AND node_id IS NULL
              AND id IN (SELECT picked_id FROM picked) %s
            RETURNING %s"""
        .formatted(
            database.dialect().oneOf("p.job_name || ''", jobs),
            database.dialect().skipLockedSuffix(),
            aheadOnly == 0
                ? "status = 'running', node_id = ?, start_time = ?, heartbeat_at = ?, updated_at = ?"
                : "node_id = ?, heartbeat_at = ?, updated_at = ?",
            onlyAhead,
            RunStore.COLUMNS);
  }

  /**
   * Claims in one statement. A pending run is taken only while its concurrency key has room: the
   * runs of the key already running, plus the older due runs of the key that this same statement
   * may take, must be fewer than its limit; so one batch never takes two runs of an exclusive job.
   */
  List<JobRun> claim(Claim claim) {
    List<String> ahead = claim.aheadOnly() == null ? List.of() : claim.aheadOnly();
    if (claim.jobs().isEmpty() || (claim.aheadOnly() != null && ahead.isEmpty())) {
      return List.of();
    }
    Instant now = claim.now();
    List<Object> params = new ArrayList<>(List.<Object>of(now, floor.at(now), now));
    params.addAll(database.dialect().oneOfValues(claim.jobs()));
    params.addAll(List.<Object>of(claim.limit(), claim.nodeId(), now, now));
    if (ahead.isEmpty()) {
      params.add(now);
    }
    params.addAll(ahead);
    String sql =
        claims.computeIfAbsent(
            List.of(claim.jobs().size(), ahead.size()),
            key -> claimStatement(key.get(0), key.get(1)));
    List<JobRun> claimed;
    try {
      claimed =
          database.write(
              "claim due runs for node " + claim.nodeId(),
              c -> Jdbc.query(c, sql, RunStore::map, params.toArray()));
    } catch (DuplicateException raced) {
      // Another node took a run of the same exclusive job at the same moment; the unique index
      // refused this batch whole, and the next pass claims again.
      return List.of();
    }
    List<JobRun> ordered = new ArrayList<>(claimed);
    ordered.sort(Comparator.comparing(JobRun::runAt).thenComparingLong(JobRun::id));
    return ordered;
  }

  Optional<JobRun> claimOne(long runId, String nodeId, Instant now) {
    return database.write(
        "claim run " + runId + " for node " + nodeId,
        c ->
            Jdbc.queryOne(
                c,
                """
                UPDATE job_runs
                SET status = 'running', node_id = ?, start_time = ?, heartbeat_at = ?,
                    updated_at = ?
                WHERE id = ? AND status = 'pending' AND node_id IS NULL
                RETURNING \s"""
                    + RunStore.COLUMNS,
                RunStore::map,
                nodeId,
                now,
                now,
                now,
                runId));
  }

  /**
   * Starts runs this node holds, when workers take them while no completion writer runs; returns
   * those started. A run missing from the answer is no longer held here (cancelled, or given back
   * by a node that took this one for dead), and its worker must skip it.
   */
  List<JobRun> start(Collection<Long> runIds, String nodeId, Instant now) {
    List<Object> params = new ArrayList<>(List.<Object>of(now, now, now, nodeId));
    params.addAll(runIds);
    return database.write(
        "start held runs " + runIds + " on node " + nodeId,
        c ->
            Jdbc.query(
                c,
                """
                UPDATE job_runs
                SET status = 'running', start_time = ?, heartbeat_at = ?, updated_at = ?
                WHERE node_id = ? AND status = 'pending' AND id IN (%s)
                RETURNING %s"""
                    .formatted(idList(runIds.size()), RunStore.COLUMNS),
                RunStore::map,
                params.toArray()));
  }

  private static String idList(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * Stamps the runs {@code nodeId} holds, of {@code runIds}, alive; returns those it still holds.
   */
  List<Long> stamp(String nodeId, Collection<Long> runIds, Instant now) {
    if (runIds.isEmpty()) {
      return List.of();
    }
    return database.write(
        "stamp runs held by node " + nodeId,
        c -> onHeld(c, "heartbeat_at = ?", now, nodeId, runIds));
  }

  /**
   * Gives back the runs {@code nodeId} holds, of {@code runIds}: they become claimable by any node,
   * as they were before their claim, and their attempt is not used; the nodes are woken as for new
   * runs, in the same transaction. Returns how many it gave back.
   */
  int release(String nodeId, Collection<Long> runIds, Instant now) {
    if (runIds.isEmpty()) {
      return 0;
    }
    String set = "node_id = NULL, heartbeat_at = NULL, updated_at = ?";
    int given =
        database.inTransaction(
            "give back runs held by node " + nodeId,
            c -> {
              int released = onHeld(c, set, now, nodeId, runIds).size();
              if (released > 0) {
                database.dialect().announceClaimable(c);
              }
              return released;
            });
    if (given > 0) {
      // After the commit: a claim reading the bound before it would not see the runs given back.
      floor.forget();
    }
    return given;
  }

  /** Sets {@code set} (with {@code value}) on the runs of {@code runIds} that the node holds. */
  private static List<Long> onHeld(
      Connection c, String set, Instant value, String nodeId, Collection<Long> runIds)
      throws SQLException {
    List<Object> params = new ArrayList<>(List.<Object>of(value, nodeId));
    params.addAll(runIds);
    String sql =
        "UPDATE job_runs SET %s WHERE node_id = ? AND status = 'pending' AND id IN (%s) RETURNING id"
            .formatted(set, idList(runIds.size()));
    return Jdbc.query(c, sql, r -> r.getLong("id"), params.toArray());
  }
}
