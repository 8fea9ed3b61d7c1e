package io.suasor.jobs.event;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.ProgressSnapshot;

/**
 * What happened to a run, in the order it happened: created (by a schedule's fire, by hand or as a
 * retry), started on a node, progressed, finished. Delivered on engine threads; listeners must be
 * quick and must not throw (a throwing listener is logged and skipped).
 */
public sealed interface JobEvent {
  long runId();

  String jobName();

  /** A run was inserted: a schedule fired, someone asked for it, or a retry was planned. */
  record RunCreated(JobRun run) implements JobEvent {
    @Override
    public long runId() {
      return run.id();
    }

    @Override
    public String jobName() {
      return run.jobName();
    }
  }

  /** A node claimed the run and started executing it. */
  record RunStarted(JobRun run) implements JobEvent {
    @Override
    public long runId() {
      return run.id();
    }

    @Override
    public String jobName() {
      return run.jobName();
    }
  }

  /** Progress was written to the database. */
  record RunProgress(long runId, String jobName, ProgressSnapshot progress) implements JobEvent {}

  /** The run ended: completed, failed or cancelled; {@code run} is its final state. */
  record RunFinished(JobRun run) implements JobEvent {
    @Override
    public long runId() {
      return run.id();
    }

    @Override
    public String jobName() {
      return run.jobName();
    }
  }
}
