package io.suasor.jobs.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A node's claim: up to {@code limit} pending runs due at {@code now}, of the jobs the node has
 * registered ({@code jobs}; a run of any other job is left for a node that can run it). With {@code
 * aheadOnly}, only the runs of those jobs among the first {@code limit} due runs are taken: runs of
 * other jobs due earlier are left for a claim that takes them, and are not overtaken by more than
 * {@code limit} runs.
 */
public record Claim(
    String nodeId, Instant now, int limit, List<String> jobs, List<String> aheadOnly) {
  public Claim {
    jobs = List.copyOf(jobs);
    aheadOnly = aheadOnly == null ? null : List.copyOf(aheadOnly);
  }

  /** Up to {@code limit} due runs of {@code jobs}, for {@code nodeId}. */
  public static Claim of(String nodeId, Instant now, int limit, Collection<String> jobs) {
    return new Claim(nodeId, now, limit, List.copyOf(jobs), null);
  }

  /** The same claim, taking only the runs of {@code jobNames} among the first due ones. */
  public Claim aheadOnly(Collection<String> jobNames) {
    return new Claim(nodeId, now, limit, jobs, List.copyOf(jobNames));
  }
}
