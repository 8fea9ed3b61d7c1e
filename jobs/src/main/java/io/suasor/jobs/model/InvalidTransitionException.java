package io.suasor.jobs.model;

import io.suasor.jobs.JobsException;

/** A status change that the run state machine forbids, such as {@code completed → running}. */
public class InvalidTransitionException extends JobsException {
  private final JobStatus from;
  private final JobStatus to;

  public InvalidTransitionException(JobStatus from, JobStatus to) {
    super(
        "a run cannot go from '"
            + from.value()
            + "' to '"
            + to.value()
            + "'; from '"
            + from.value()
            + "' it may go to "
            + (from.successors().isEmpty()
                ? "nothing (it has ended)"
                : Enums.list(from.successors())));
    this.from = from;
    this.to = to;
  }

  public JobStatus from() {
    return from;
  }

  public JobStatus to() {
    return to;
  }
}
