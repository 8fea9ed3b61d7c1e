package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import java.util.Optional;

/**
 * Makes the runs of chains: when a run completes, every enabled schedule that follows its job
 * ({@code after JOB}) gets one run, inserted in the transaction that records the completion. The
 * engine supplies this because its registry knows each job's timeout and concurrency.
 */
@FunctionalInterface
public interface Followers {
  /**
   * The run that {@code schedule} gets after {@code finished} completed; its {@code afterRunId}
   * must be {@code finished}'s id and its {@code scheduleId} the schedule's. Empty when the
   * schedule must not follow this run (its job already ran earlier in the same chain: a cycle that
   * slipped past the check when saved would otherwise run forever).
   */
  Optional<NewRun> runAfter(JobRun finished, JobSchedule schedule);
}
