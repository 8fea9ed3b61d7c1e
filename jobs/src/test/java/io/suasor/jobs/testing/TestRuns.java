package io.suasor.jobs.testing;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.ProgressSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs in a given state for tests, made the way the engine makes them: inserted, claimed, ended.
 */
public final class TestRuns {
  private static final String NODE = "test-node";

  /**
   * How far ahead of {@code at} the claim stamps the run's heartbeat. An engine may run beside the
   * test, and its dead-run reaper would fail a run whose heartbeat is as old as {@code at} (often
   * weeks in the past) between the claim and the end; the end then sets the start back to {@code
   * at}.
   */
  private static final Duration HEARTBEAT_AHEAD = Duration.ofDays(36_500);

  private TestRuns() {}

  /** Inserts {@code run}, claims it and ends it with {@code status} at {@code at}. */
  public static JobRun ended(JobRepository repo, NewRun run, JobStatus status, Instant at) {
    long id = repo.createJobRun(run, at).id();
    repo.claimRun(id, NODE, at.plus(HEARTBEAT_AHEAD)).orElseThrow();
    return repo.finishRun(
            new Completion(
                id, run.jobName(), NODE, status, null, ProgressSnapshot.NONE, null, at, at),
            (finished, schedule) -> Optional.empty())
        .orElseThrow()
        .run();
  }
}
