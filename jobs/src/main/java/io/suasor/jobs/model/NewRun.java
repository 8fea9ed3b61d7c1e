package io.suasor.jobs.model;

import java.time.Duration;
import java.time.Instant;

/**
 * What is needed to insert a run. Built with {@link #of} and the {@code with…} methods so that call
 * sites name what they set.
 */
public record NewRun(
    String jobName,
    JobType jobType,
    Long userId,
    Long scheduleId,
    Trigger trigger,
    int attempt,
    Long retryOf,
    Long afterRunId,
    Instant scheduledFor,
    Instant runAt,
    String parameters,
    Duration timeout,
    int concurrencyLimit) {

  /** Runs of one job for one user that may run at once, unless the job declares otherwise. */
  public static final int EXCLUSIVE = 1;

  /** A concurrency limit that means "no limit". */
  public static final int UNLIMITED = 0;

  public NewRun {
    if (concurrencyLimit < 0) {
      throw new IllegalArgumentException("concurrencyLimit must be 0 (unlimited) or positive");
    }
  }

  public static NewRun of(String jobName, JobType jobType, Trigger trigger, Instant runAt) {
    return new NewRun(
        jobName,
        jobType,
        null,
        null,
        trigger,
        1,
        null,
        null,
        null,
        runAt,
        JobSchedule.EMPTY_CONFIG,
        null,
        EXCLUSIVE);
  }

  public NewRun withUserId(Long newUserId) {
    return new NewRun(
        jobName,
        jobType,
        newUserId,
        scheduleId,
        trigger,
        attempt,
        retryOf,
        afterRunId,
        scheduledFor,
        runAt,
        parameters,
        timeout,
        concurrencyLimit);
  }

  /** The schedule and fire instant that produced this run: at most one run exists per pair. */
  public NewRun withFire(long newScheduleId, Instant newScheduledFor) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        newScheduleId,
        trigger,
        attempt,
        retryOf,
        afterRunId,
        newScheduledFor,
        runAt,
        parameters,
        timeout,
        concurrencyLimit);
  }

  public NewRun withScheduleId(Long newScheduleId) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        newScheduleId,
        trigger,
        attempt,
        retryOf,
        afterRunId,
        scheduledFor,
        runAt,
        parameters,
        timeout,
        concurrencyLimit);
  }

  public NewRun withRetryOf(long newRetryOf, int newAttempt) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        scheduleId,
        trigger,
        newAttempt,
        newRetryOf,
        afterRunId,
        scheduledFor,
        runAt,
        parameters,
        timeout,
        concurrencyLimit);
  }

  /** The finished run this run follows, as a run of a schedule's {@code after JOB} chain. */
  public NewRun withAfterRun(long newAfterRunId) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        scheduleId,
        trigger,
        attempt,
        retryOf,
        newAfterRunId,
        scheduledFor,
        runAt,
        parameters,
        timeout,
        concurrencyLimit);
  }

  public NewRun withParameters(String newParameters) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        scheduleId,
        trigger,
        attempt,
        retryOf,
        afterRunId,
        scheduledFor,
        runAt,
        newParameters,
        timeout,
        concurrencyLimit);
  }

  public NewRun withTimeout(Duration newTimeout) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        scheduleId,
        trigger,
        attempt,
        retryOf,
        afterRunId,
        scheduledFor,
        runAt,
        parameters,
        newTimeout,
        concurrencyLimit);
  }

  public NewRun withConcurrencyLimit(int newConcurrencyLimit) {
    return new NewRun(
        jobName,
        jobType,
        userId,
        scheduleId,
        trigger,
        attempt,
        retryOf,
        afterRunId,
        scheduledFor,
        runAt,
        parameters,
        timeout,
        newConcurrencyLimit);
  }

  /**
   * The key under which runs of one job for one user count against the concurrency limit; null when
   * the job has no limit.
   */
  public String concurrencyKey() {
    return concurrencyLimit == UNLIMITED ? null : jobName + "|" + (userId == null ? "-" : userId);
  }
}
