package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.util.List;

/**
 * What one transaction of {@link JobRepository#fireDueSchedules} did: how many due schedules it
 * took, and the runs it inserted for them.
 */
public record FiredBatch(int schedules, List<JobRun> runs) {
  public FiredBatch {
    runs = List.copyOf(runs);
  }
}
