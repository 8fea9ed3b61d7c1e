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
 */
public record Completion(
    long runId,
    String jobName,
    String nodeId,
    JobStatus status,
    String errorMessage,
    ProgressSnapshot progress,
    NewRun retry,
    Instant now) {
  public Completion {
    JobStatus.RUNNING.checkTransition(status);
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
