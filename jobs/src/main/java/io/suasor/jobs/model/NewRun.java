package io.suasor.jobs.model;

import java.time.Duration;
import java.time.Instant;

/**
 * What is needed to insert a run. Built with {@link #builder} (or {@link #of} for every default),
 * changed with {@link #toBuilder} or a {@code with…} method for one value, so that call sites name
 * what they set.
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

  /** A run of {@code jobName} due at {@code runAt}, with every default: set the rest by name. */
  public static Builder builder(String jobName, JobType jobType, Trigger trigger, Instant runAt) {
    return new Builder(jobName, jobType, trigger, runAt);
  }

  public static NewRun of(String jobName, JobType jobType, Trigger trigger, Instant runAt) {
    return builder(jobName, jobType, trigger, runAt).build();
  }

  /** A builder holding this run's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public NewRun withUserId(Long newUserId) {
    return toBuilder().userId(newUserId).build();
  }

  /** The schedule and fire instant that produced this run: at most one run exists per pair. */
  public NewRun withFire(long newScheduleId, Instant newScheduledFor) {
    return toBuilder().scheduleId(newScheduleId).scheduledFor(newScheduledFor).build();
  }

  public NewRun withScheduleId(Long newScheduleId) {
    return toBuilder().scheduleId(newScheduleId).build();
  }

  public NewRun withRetryOf(long newRetryOf, int newAttempt) {
    return toBuilder().retryOf(newRetryOf).attempt(newAttempt).build();
  }

  /** The finished run this run follows, as a run of a schedule's {@code after JOB} chain. */
  public NewRun withAfterRun(long newAfterRunId) {
    return toBuilder().afterRunId(newAfterRunId).build();
  }

  public NewRun withParameters(String newParameters) {
    return toBuilder().parameters(newParameters).build();
  }

  public NewRun withTimeout(Duration newTimeout) {
    return toBuilder().timeout(newTimeout).build();
  }

  public NewRun withConcurrencyLimit(int newConcurrencyLimit) {
    return toBuilder().concurrencyLimit(newConcurrencyLimit).build();
  }

  /**
   * The key under which runs of one job for one user count against the concurrency limit; null when
   * the job has no limit.
   */
  public String concurrencyKey() {
    return concurrencyLimit == UNLIMITED ? null : jobName + "|" + (userId == null ? "-" : userId);
  }

  /**
   * Sets a run's values by name; {@link #build} checks them in the record's constructor. The only
   * code, with {@link #toBuilder}, that lists every component.
   */
  public static final class Builder {
    private final String jobName;
    private final JobType jobType;
    private Long userId;
    private Long scheduleId;
    private final Trigger trigger;
    private int attempt = 1;
    private Long retryOf;
    private Long afterRunId;
    private Instant scheduledFor;
    private final Instant runAt;
    private String parameters = JobSchedule.EMPTY_CONFIG;
    private Duration timeout;
    private int concurrencyLimit = EXCLUSIVE;

    private Builder(String jobName, JobType jobType, Trigger trigger, Instant runAt) {
      this.jobName = jobName;
      this.jobType = jobType;
      this.trigger = trigger;
      this.runAt = runAt;
    }

    private Builder(NewRun run) {
      this(run.jobName, run.jobType, run.trigger, run.runAt);
      userId = run.userId;
      scheduleId = run.scheduleId;
      attempt = run.attempt;
      retryOf = run.retryOf;
      afterRunId = run.afterRunId;
      scheduledFor = run.scheduledFor;
      parameters = run.parameters;
      timeout = run.timeout;
      concurrencyLimit = run.concurrencyLimit;
    }

    public Builder userId(Long value) {
      userId = value;
      return this;
    }

    public Builder scheduleId(Long value) {
      scheduleId = value;
      return this;
    }

    public Builder attempt(int value) {
      attempt = value;
      return this;
    }

    public Builder retryOf(Long value) {
      retryOf = value;
      return this;
    }

    public Builder afterRunId(Long value) {
      afterRunId = value;
      return this;
    }

    public Builder scheduledFor(Instant value) {
      scheduledFor = value;
      return this;
    }

    public Builder parameters(String value) {
      parameters = value;
      return this;
    }

    public Builder timeout(Duration value) {
      timeout = value;
      return this;
    }

    public Builder concurrencyLimit(int value) {
      concurrencyLimit = value;
      return this;
    }

    public NewRun build() {
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
          concurrencyLimit);
    }
  }
}
