package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.util.List;
import java.util.Optional;

/**
 * A run as it ended, the retry planned for it, if any, and the runs of the schedules that follow it
 * (when it completed).
 */
public record Finished(JobRun run, Optional<JobRun> retry, List<JobRun> followers) {
  public Finished {
    followers = List.copyOf(followers);
  }
}
