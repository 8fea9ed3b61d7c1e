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

  /** A new, enabled schedule of {@code jobName} under its own name, with every default. */
  public static JobSchedule of(String jobName, JobType jobType, String frequency) {
    return new JobSchedule(
        null,
        jobName,
        jobName,
        jobType,
        null,
        frequency,
        DEFAULT_TIME_ZONE,
        true,
        EMPTY_CONFIG,
        null,
        null,
        MisfirePolicy.FIRE_ONCE,
        null,
        null,
        null,
        null,
        0);
  }

  public JobSchedule withName(String newName) {
    return new JobSchedule(
        id,
        newName,
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

  public JobSchedule withUserId(Long newUserId) {
    return new JobSchedule(
        id,
        name,
        jobName,
        jobType,
        newUserId,
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

  public JobSchedule withFrequency(String newFrequency, String newTimeZone) {
    return new JobSchedule(
        id,
        name,
        jobName,
        jobType,
        userId,
        newFrequency,
        newTimeZone,
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

  public JobSchedule withEnabled(boolean newEnabled) {
    return new JobSchedule(
        id,
        name,
        jobName,
        jobType,
        userId,
        frequency,
        timeZone,
        newEnabled,
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

  public JobSchedule withConfig(String newConfig) {
    return new JobSchedule(
        id,
        name,
        jobName,
        jobType,
        userId,
        frequency,
        timeZone,
        enabled,
        newConfig,
        lastRunTime,
        nextRunTime,
        misfirePolicy,
        maxAttempts,
        timeoutSeconds,
        createdAt,
        updatedAt,
        version);
  }

  public JobSchedule withNextRunTime(Instant newNextRunTime) {
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
        newNextRunTime,
        misfirePolicy,
        maxAttempts,
        timeoutSeconds,
        createdAt,
        updatedAt,
        version);
  }

  public JobSchedule withPolicies(
      MisfirePolicy newMisfirePolicy, Integer newMaxAttempts, Long newTimeoutSeconds) {
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
        newMisfirePolicy,
        newMaxAttempts,
        newTimeoutSeconds,
        createdAt,
        updatedAt,
        version);
  }
}
