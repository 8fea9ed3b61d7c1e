package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.time.Instant;
import java.util.ArrayList;
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

  ClaimStore(Database database) {
    this.database = database;
  }

  /**
   * The claim of the due runs of {@code jobs} named jobs, optionally taking only those of {@code
   * aheadOnly} named jobs among them. The candidates are picked once, in a materialised CTE: a
   * subquery under IN could be rescanned, and each rescan under SKIP LOCKED would lock further rows
   * past the LIMIT. The job names are compared as "job_name || ''", so that the candidates are read
   * in run order from the claim index, filtered as they come (on the job index the planner would
   * read every pending run of the jobs and sort them); the ahead-only names filter the update, not
   * the candidates, so that a claim ahead takes those jobs' runs among the first due ones. The
   * update's own guard is "status || ''" for the same reason: on a large history the statistics are
   * rarely refreshed and say no run is pending, and a plain "status = 'pending'" made the update
   * read the whole claim index once per picked run instead of the picked ids (300 ms a claim among
   * ten million runs, 20,000 of them pending).
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
            WHERE p.status = 'pending' AND p.run_at <= ?
              AND (p.concurrency_key IS NULL OR p.concurrency_limit = 0
                   OR (SELECT COUNT(*) FROM job_runs r
                       WHERE r.concurrency_key = p.concurrency_key
                         AND (r.status = 'running'
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
            SET status = 'running', node_id = ?, start_time = ?, heartbeat_at = ?, updated_at = ?
            WHERE id IN (SELECT picked_id FROM picked) AND status || '' = 'pending' %s
            RETURNING %s"""
        .formatted(
            database.dialect().oneOf("p.job_name || ''", jobs),
            database.dialect().skipLockedSuffix(),
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
    List<Object> params = new ArrayList<>(List.<Object>of(now, now));
    params.addAll(database.dialect().oneOfValues(claim.jobs()));
    params.addAll(List.<Object>of(claim.limit(), claim.nodeId(), now, now, now));
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
                WHERE id = ? AND status = 'pending'
                RETURNING \s"""
                    + RunStore.COLUMNS,
                RunStore::map,
                nodeId,
                now,
                now,
                now,
                runId));
  }
}
