package io.suasor.jobs.testing;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.Claim;
import io.suasor.jobs.store.JobRepository;
import java.time.Instant;
import java.util.List;

/** Claims for repository tests that are not about which jobs a node registered. */
public final class Claims {
  private Claims() {}

  /**
   * Claims the due runs of every job that has a run pending, as a node that registered them all.
   */
  public static List<JobRun> ofAnyJob(JobRepository repo, String node, Instant now, int limit) {
    List<String> jobs = repo.getActiveJobRuns().stream().map(JobRun::jobName).distinct().toList();
    return repo.claimDueRuns(Claim.of(node, now, limit, jobs));
  }
}
