package io.suasor.jobs.store;

import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import java.time.Instant;

/**
 * The end of a run of {@code jobName} as its owning node records it. Written only while the run is
 * still running and still owned by {@code nodeId}, so a node that lost its run cannot overwrite
 * what another decided. A {@code retry}, when given, is inserted in the same transaction, so a
 * failure and its retry are never separated by a crash. The job name tells whether a chain may
 * follow the run, so that the ends of runs no chain follows are written as cheaply as before.
 * {@code startedAt}, when given, replaces the start time stamped at the claim: a run claimed ahead
 * of the node's free workers began when a worker took it.
 */
public record Completion(
    long runId,
    String jobName,
    String nodeId,
    JobStatus status,
    String errorMessage,
    ProgressSnapshot progress,
    NewRun retry,
    Instant now,
    Instant startedAt) {
  public Completion {
    JobStatus.RUNNING.checkTransition(status);
  }

  /** An end that keeps the start time stamped at the claim. */
  public Completion(
      long runId,
      String jobName,
      String nodeId,
      JobStatus status,
      String errorMessage,
      ProgressSnapshot progress,
      NewRun retry,
      Instant now) {
    this(runId, jobName, nodeId, status, errorMessage, progress, retry, now, null);
  }

  public static Completion of(
      long runId,
      String jobName,
      String nodeId,
      JobStatus status,
      String errorMessage,
      Instant now) {
    return new Completion(
        runId, jobName, nodeId, status, errorMessage, ProgressSnapshot.NONE, null, now);
  }
}
