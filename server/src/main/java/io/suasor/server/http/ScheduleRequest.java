package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.MisfirePolicy;

/**
 * A schedule as a client sends it. Every field may be absent; what is required depends on the
 * route. The read-only fields of a {@code JobSchedule} are accepted and ignored, so a client may
 * send back a schedule it read. {@code config} may be a JSON object or a string holding one.
 */
@JsonIgnoreProperties(
    value = {"id", "lastRunTime", "nextRunTime", "createdAt", "updatedAt"},
    allowGetters = false)
record ScheduleRequest(
    String name,
    String jobName,
    JobType jobType,
    @JsonAlias("userID") Long userId,
    String frequency,
    String timeZone,
    Boolean enabled,
    JsonNode config,
    MisfirePolicy misfirePolicy,
    Integer maxAttempts,
    Long timeoutSeconds,
    Long version) {

  /** A request that changes only a schedule's frequency and whether it is enabled. */
  static ScheduleRequest timing(String frequency, Boolean enabled) {
    return new ScheduleRequest(
        null, null, null, null, frequency, null, enabled, null, null, null, null, null);
  }

  /**
   * Sets on {@code schedule} the settings this request gives; an absent one keeps the builder's
   * value (the current schedule's, or a new schedule's default). The one place where the routes
   * turn a request into a schedule: which job, name and user it has is each route's decision.
   */
  JobSchedule.Builder applyTo(JobSchedule.Builder schedule) {
    if (jobType != null) {
      schedule.jobType(jobType);
    }
    if (frequency != null) {
      schedule.frequency(frequency);
    }
    if (timeZone != null) {
      schedule.timeZone(timeZone);
    }
    if (enabled != null) {
      schedule.enabled(enabled);
    }
    String text = configText();
    if (text != null) {
      schedule.config(text);
    }
    if (misfirePolicy != null) {
      schedule.misfirePolicy(misfirePolicy);
    }
    if (maxAttempts != null) {
      schedule.maxAttempts(maxAttempts);
    }
    if (timeoutSeconds != null) {
      schedule.timeoutSeconds(timeoutSeconds);
    }
    if (version != null) {
      schedule.version(version);
    }
    return schedule;
  }

  /** The config as the text of a JSON object, or null when absent. */
  String configText() {
    if (config == null || config.isNull()) {
      return null;
    }
    if (config.isTextual()) {
      return config.asText();
    }
    if (config.isObject()) {
      return config.toString();
    }
    throw ApiException.invalid(
        "config", "config must be a JSON object, or a string holding one, such as {}");
  }
}
