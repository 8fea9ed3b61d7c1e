package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobStatus;
import java.time.Instant;

/**
 * How a run ended. Every way a run can end is one of these, and {@link RunFinisher} alone records
 * it: the status and message written, and whether the job's retry policy plans another attempt.
 */
sealed interface RunOutcome {
  JobStatus status();

  /** The run's error message; null when it completed. */
  String error();

  /** Whether the job's retry policy may plan another attempt: after a failure, by default. */
  default boolean retried() {
    return status() == JobStatus.FAILED;
  }

  /** The job returned. */
  record Completed() implements RunOutcome {
    @Override
    public JobStatus status() {
      return JobStatus.COMPLETED;
    }

    @Override
    public String error() {
      return null;
    }
  }

  /**
   * The job threw, or this node could not start it; {@code retried} is false where another attempt
   * would meet the same refusal.
   */
  record Failed(String error, boolean retried) implements RunOutcome {
    @Override
    public JobStatus status() {
      return JobStatus.FAILED;
    }
  }

  /** The run was asked to stop and did. */
  record Cancelled() implements RunOutcome {
    @Override
    public JobStatus status() {
      return JobStatus.CANCELLED;
    }

    @Override
    public String error() {
      return "run " + RunContext.StopReason.CANCELLED.text;
    }
  }

  /** The run outlived its timeout and was stopped; a failure its policy may retry. */
  record TimedOut(String error) implements RunOutcome {
    @Override
    public JobStatus status() {
      return JobStatus.FAILED;
    }
  }

  /**
   * The run's node ({@code deadNode}) stopped heartbeating before {@code silentSince}; another node
   * fails it, fenced on that silence, and its policy may retry it.
   */
  record Lost(String deadNode, Instant silentSince, String error) implements RunOutcome {
    @Override
    public JobStatus status() {
      return JobStatus.FAILED;
    }
  }

  /** The run's node shut down before the run ended. */
  record Stopped() implements RunOutcome {
    @Override
    public JobStatus status() {
      return JobStatus.CANCELLED;
    }

    @Override
    public String error() {
      return "run " + RunContext.StopReason.SHUTDOWN.text;
    }
  }
}
