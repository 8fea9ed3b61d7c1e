package io.suasor.jobs;

import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import java.time.Duration;

/**
 * A unit of background work the engine schedules and runs: the specification's Execute, Name and
 * Schedule contract in Java, plus the policies a persistent engine needs.
 *
 * <p>Implementations must be thread-safe when {@link #maxConcurrency()} is above one, should check
 * {@link JobContext#isCancelled()} between items, and report statistics through {@link
 * JobContext#result} rather than in exceptions.
 */
public interface Job {
  /** Unique, stable name, e.g. {@code system.metadata.refresh}; runs and schedules refer to it. */
  String name();

  default JobType type() {
    return JobType.SYSTEM;
  }

  /** The schedule the job gets when it has no stored one; a stored schedule overrides it. */
  default Schedule schedule() {
    return Schedule.daily();
  }

  /** How failed runs are retried; a schedule's {@code maxAttempts} overrides the attempts. */
  default RetryPolicy retryPolicy() {
    return RetryPolicy.NONE;
  }

  /** How long a run may take before it is cancelled and failed; a schedule may override it. */
  default Duration timeout() {
    return Duration.ofHours(6);
  }

  /**
   * How many runs of this job for one user may run at once, across all nodes; {@code 0} means no
   * limit. A manual run beyond the limit is refused as busy; a scheduled one waits its turn.
   */
  default int maxConcurrency() {
    return 1;
  }

  /**
   * Does the work. Returning normally completes the run; throwing fails it (and may retry it);
   * throwing {@link JobCancelledException} after a cancellation ends it as cancelled.
   */
  void execute(JobContext context) throws Exception;
}
