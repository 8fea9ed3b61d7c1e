package io.suasor.jobs.testing;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.JobRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs in a given state for tests, made the way the engine makes them: inserted, claimed, ended.
 */
public final class TestRuns {
  private static final String NODE = "test-node";

  private TestRuns() {}

  /** Inserts {@code run}, claims it and ends it with {@code status} at {@code at}. */
  public static JobRun ended(JobRepository repo, NewRun run, JobStatus status, Instant at) {
    long id = repo.createJobRun(run, at).id();
    repo.claimRun(id, NODE, at).orElseThrow();
    return repo.finishRun(
            Completion.of(id, run.jobName(), NODE, status, null, at),
            (finished, schedule) -> Optional.empty())
        .orElseThrow()
        .run();
  }
}
