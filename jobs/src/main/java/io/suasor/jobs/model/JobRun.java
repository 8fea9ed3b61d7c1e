package io.suasor.jobs.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/**
 * One execution of a job, from the moment it is due until it ends.
 *
 * <p>The first fifteen components are the specification's; the rest are what a persistent,
 * clustered engine needs: which schedule and fire instant produced it, why ({@code trigger}), which
 * attempt it is and which run it retries, when it may start ({@code runAt}), which node owns it and
 * when that node last proved alive, whether someone asked to cancel it, its parameters, its
 * timeout, and for a run of a chain ({@link Trigger#AFTER}) the finished run it follows. {@code
 * metadata} and {@code parameters} are strings holding JSON objects.
 */
public record JobRun(
    long id,
    String jobName,
    JobType jobType,
    @JsonAlias("userID") Long userId,
    JobStatus status,
    Instant startTime,
    Instant endTime,
    int progress,
    long totalItems,
    long processedItems,
    String statusMessage,
    String errorMessage,
    String metadata,
    Instant createdAt,
    Instant updatedAt,
    Long scheduleId,
    Trigger trigger,
    int attempt,
    Long retryOf,
    Instant scheduledFor,
    Instant runAt,
    String nodeId,
    Instant heartbeatAt,
    boolean cancelRequested,
    String parameters,
    Long timeoutMillis,
    Long afterRunId) {

  public boolean isActive() {
    return !status.isTerminal();
  }
}
