package io.suasor.jobs.store;

import io.suasor.jobs.model.JobStatus;
import java.time.Instant;

/**
 * A page of run history, newest first. Every filter is optional; {@code beforeId} is the cursor
 * returned with the previous page. {@code visibleTo} keeps the runs one user may see: their own and
 * system-wide ones.
 */
public record RunQuery(
    String jobName,
    JobStatus status,
    Long userId,
    Long visibleTo,
    Instant createdFrom,
    Instant createdTo,
    Long beforeId,
    int limit) {

  public static final int MAX_LIMIT = 1000;

  public RunQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  public static RunQuery latest(int limit) {
    return new RunQuery(null, null, null, null, null, null, null, limit);
  }

  public RunQuery withJobName(String newJobName) {
    return new RunQuery(
        newJobName, status, userId, visibleTo, createdFrom, createdTo, beforeId, limit);
  }

  public RunQuery withStatus(JobStatus newStatus) {
    return new RunQuery(
        jobName, newStatus, userId, visibleTo, createdFrom, createdTo, beforeId, limit);
  }

  public RunQuery withUserId(Long newUserId) {
    return new RunQuery(
        jobName, status, newUserId, visibleTo, createdFrom, createdTo, beforeId, limit);
  }

  /** Keeps the runs of {@code user} and the system-wide runs (those of no user). */
  public RunQuery withVisibleTo(Long user) {
    return new RunQuery(jobName, status, userId, user, createdFrom, createdTo, beforeId, limit);
  }

  public RunQuery withCreatedBetween(Instant from, Instant to) {
    return new RunQuery(jobName, status, userId, visibleTo, from, to, beforeId, limit);
  }

  public RunQuery withBeforeId(Long cursor) {
    return new RunQuery(jobName, status, userId, visibleTo, createdFrom, createdTo, cursor, limit);
  }
}
