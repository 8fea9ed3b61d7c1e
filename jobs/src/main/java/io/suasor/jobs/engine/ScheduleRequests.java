package io.suasor.jobs.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.MisfirePolicy;
import io.suasor.jobs.schedule.InvalidScheduleException;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.InvalidRequestException;
import io.suasor.jobs.store.JobRepository;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Checks what a person asks of a schedule, and of a run's parameters, before it is stored: fills
 * the defaults, refuses what is wrong with a message naming the field and what to change, and
 * refuses chains that follow an unknown job or close a cycle.
 */
final class ScheduleRequests {
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_ATTEMPTS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobRepository repository;
  private final JobRegistry registry;

  ScheduleRequests(JobRepository repository, JobRegistry registry) {
    this.repository = repository;
    this.registry = registry;
  }

  /**
   * Refuses a chain that follows a job no node here knows (when asked to) or that would close a
   * cycle. Two nodes saving the two halves of a cycle at the same instant could each pass; the
   * schedules a person edits are not written that fast, and such a cycle would run one round only
   * (see {@link ScheduledRuns#runAfter}).
   */
  void checkChain(JobSchedule candidate, Schedule schedule, boolean requireFollowedJob) {
    Optional<String> after = schedule.afterJob();
    if (after.isEmpty()) {
      return;
    }
    if (requireFollowedJob && !registry.contains(after.get())) {
      throw new InvalidRequestException(
          "frequency",
          "there is no job named '"
              + after.get()
              + "' to follow; registered jobs are "
              + String.join(", ", registry.all().stream().map(Job::name).sorted().toList()));
    }
    ChainCycles.refuseCycle(candidate, repository.findChainedSchedules());
  }

  /** Fills defaults and checks every field that a person may get wrong. */
  JobSchedule normalise(JobSchedule s, Job job) {
    String zone =
        s.timeZone() == null || s.timeZone().isBlank()
            ? JobSchedule.DEFAULT_TIME_ZONE
            : s.timeZone();
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          "timeZone",
          "unknown time zone '" + zone + "'; use an IANA name such as UTC or Europe/Berlin");
    }
    String config =
        s.config() == null || s.config().isBlank() ? JobSchedule.EMPTY_CONFIG : s.config();
    requireJsonObject("config", config);
    if (s.maxAttempts() != null && (s.maxAttempts() < 1 || s.maxAttempts() > MAX_ATTEMPTS)) {
      throw new InvalidRequestException(
          "maxAttempts",
          "maxAttempts must be between 1 and " + MAX_ATTEMPTS + ", was " + s.maxAttempts());
    }
    if (s.timeoutSeconds() != null && s.timeoutSeconds() < 1) {
      throw new InvalidRequestException(
          "timeoutSeconds", "timeoutSeconds must be at least 1, was " + s.timeoutSeconds());
    }
    if (s.frequency() == null || s.frequency().isBlank()) {
      throw new InvalidRequestException(
          "frequency", "frequency is required; accepted forms are " + Schedule.ACCEPTED_FORMS);
    }
    return s.toBuilder()
        .jobName(job.name())
        .jobType(s.jobType() == null ? job.type() : s.jobType())
        .frequency(canonical(s.frequency(), zone))
        .timeZone(zone)
        .config(config)
        .misfirePolicy(s.misfirePolicy() == null ? MisfirePolicy.FIRE_ONCE : s.misfirePolicy())
        .build();
  }

  private static String canonical(String frequency, String zone) {
    try {
      return Schedule.parse(frequency.trim(), ZoneId.of(zone)).text();
    } catch (InvalidScheduleException e) {
      throw new InvalidRequestException("frequency", e.getMessage());
    }
  }

  static Schedule parse(JobSchedule s) {
    try {
      return Schedule.parse(s.frequency(), ZoneId.of(s.timeZone()));
    } catch (InvalidScheduleException e) {
      throw new InvalidRequestException("frequency", e.getMessage());
    }
  }

  static void requireJsonObject(String field, String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new InvalidRequestException(field, field + " must be a JSON object such as {}");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          field, field + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
