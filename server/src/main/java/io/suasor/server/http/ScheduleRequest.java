package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
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
