package io.suasor.jobs.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/**
 * A stored schedule: which registered job it fires, how often, for whom, and with what policies.
 *
 * <p>{@code name} is unique; for the schedule a job gets by default it equals {@code jobName}.
 * {@code frequency} is a schedule text (see {@link io.suasor.jobs.schedule.Schedule}), read in
 * {@code timeZone}. {@code config} is a string holding a JSON object, handed to each run as its
 * parameters. {@code maxAttempts} and {@code timeoutSeconds} override the job's own policy when
 * set. {@code version} guards concurrent edits.
 */
public record JobSchedule(
    Long id,
    String name,
    String jobName,
    JobType jobType,
    @JsonAlias("userID") Long userId,
    String frequency,
    String timeZone,
    boolean enabled,
    String config,
    Instant lastRunTime,
    Instant nextRunTime,
    MisfirePolicy misfirePolicy,
    Integer maxAttempts,
    Long timeoutSeconds,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String DEFAULT_TIME_ZONE = "UTC";
  public static final String EMPTY_CONFIG = "{}";

  /**
   * A new, enabled schedule of {@code jobName} under its own name, in UTC, with an empty config and
   * the {@link MisfirePolicy#FIRE_ONCE} policy: the one place that says what a new schedule starts
   * with. Set the rest by name.
   */
  public static Builder builder(String jobName) {
    return new Builder().name(jobName).jobName(jobName);
  }

  /** A new schedule of {@code jobName} under its own name, with every default. */
  public static JobSchedule of(String jobName, JobType jobType, String frequency) {
    return builder(jobName).jobType(jobType).frequency(frequency).build();
  }

  /** A builder holding this schedule's values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public JobSchedule withName(String newName) {
    return toBuilder().name(newName).build();
  }

  public JobSchedule withUserId(Long newUserId) {
    return toBuilder().userId(newUserId).build();
  }

  public JobSchedule withFrequency(String newFrequency, String newTimeZone) {
    return toBuilder().frequency(newFrequency).timeZone(newTimeZone).build();
  }

  public JobSchedule withEnabled(boolean newEnabled) {
    return toBuilder().enabled(newEnabled).build();
  }

  public JobSchedule withConfig(String newConfig) {
    return toBuilder().config(newConfig).build();
  }

  public JobSchedule withNextRunTime(Instant newNextRunTime) {
    return toBuilder().nextRunTime(newNextRunTime).build();
  }

  public JobSchedule withPolicies(
      MisfirePolicy newMisfirePolicy, Integer newMaxAttempts, Long newTimeoutSeconds) {
    return toBuilder()
        .misfirePolicy(newMisfirePolicy)
        .maxAttempts(newMaxAttempts)
        .timeoutSeconds(newTimeoutSeconds)
        .build();
  }

  /**
   * Sets a schedule's values by name. With {@link #toBuilder}, the only code that lists every
   * component.
   */
  public static final class Builder {
    private Long id;
    private String name;
    private String jobName;
    private JobType jobType;
    private Long userId;
    private String frequency;
    private String timeZone = DEFAULT_TIME_ZONE;
    private boolean enabled = true;
    private String config = EMPTY_CONFIG;
    private Instant lastRunTime;
    private Instant nextRunTime;
    private MisfirePolicy misfirePolicy = MisfirePolicy.FIRE_ONCE;
    private Integer maxAttempts;
    private Long timeoutSeconds;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    private Builder() {}

    private Builder(JobSchedule s) {
      id = s.id;
      name = s.name;
      jobName = s.jobName;
      jobType = s.jobType;
      userId = s.userId;
      frequency = s.frequency;
      timeZone = s.timeZone;
      enabled = s.enabled;
      config = s.config;
      lastRunTime = s.lastRunTime;
      nextRunTime = s.nextRunTime;
      misfirePolicy = s.misfirePolicy;
      maxAttempts = s.maxAttempts;
      timeoutSeconds = s.timeoutSeconds;
      createdAt = s.createdAt;
      updatedAt = s.updatedAt;
      version = s.version;
    }

    public Builder id(Long value) {
      id = value;
      return this;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder jobName(String value) {
      jobName = value;
      return this;
    }

    public Builder jobType(JobType value) {
      jobType = value;
      return this;
    }

    public Builder userId(Long value) {
      userId = value;
      return this;
    }

    public Builder frequency(String value) {
      frequency = value;
      return this;
    }

    public Builder timeZone(String value) {
      timeZone = value;
      return this;
    }

    public Builder enabled(boolean value) {
      enabled = value;
      return this;
    }

    public Builder config(String value) {
      config = value;
      return this;
    }

    public Builder lastRunTime(Instant value) {
      lastRunTime = value;
      return this;
    }

    public Builder nextRunTime(Instant value) {
      nextRunTime = value;
      return this;
    }

    public Builder misfirePolicy(MisfirePolicy value) {
      misfirePolicy = value;
      return this;
    }

    public Builder maxAttempts(Integer value) {
      maxAttempts = value;
      return this;
    }

    public Builder timeoutSeconds(Long value) {
      timeoutSeconds = value;
      return this;
    }

    public Builder createdAt(Instant value) {
      createdAt = value;
      return this;
    }

    public Builder updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    public Builder version(long value) {
      version = value;
      return this;
    }

    public JobSchedule build() {
      return new JobSchedule(
          id,
          name,
          jobName,
          jobType,
          userId,
          frequency,
          timeZone,
          enabled,
          config,
          lastRunTime,
          nextRunTime,
          misfirePolicy,
          maxAttempts,
          timeoutSeconds,
          createdAt,
          updatedAt,
          version);
    }
  }
}
