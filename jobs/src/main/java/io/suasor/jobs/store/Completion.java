package io.suasor.jobs.store;

import io.suasor.jobs.model.JobStatus;
import java.time.Instant;

/**
 * The end of a run as its owning node records it. Written only while the run is still running and
 * still owned by {@code nodeId}, so a node that lost its run cannot overwrite what another decided.
 */
public record Completion(
    long runId,
    String nodeId,
    JobStatus status,
    String errorMessage,
    ProgressSnapshot progress,
    Instant now) {
  public Completion {
    JobStatus.RUNNING.checkTransition(status);
  }
}
