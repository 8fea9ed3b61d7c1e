package io.suasor.jobs.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Followers;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs a stored schedule makes, on its clock or after a run of the job it follows: its job's
 * timeout (unless the schedule sets one) and concurrency, its user, and its config as parameters.
 */
final class ScheduledRuns implements Followers {
  private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobRegistry registry;

  ScheduledRuns(JobRegistry registry) {
    this.registry = registry;
  }

  /** The run of a clock fire instant: at most one exists per (schedule, instant). */
  NewRun fireOf(JobSchedule schedule, Instant instant) {
    return runOf(schedule, Trigger.SCHEDULE, instant)
        .scheduleId(schedule.id())
        .scheduledFor(instant)
        .build();
  }

  /**
   * The run of a chain, due when {@code finished} ended, with the schedule's config and an {@code
   * after} object: the finished run's id, job, start and end (ISO instants) and its statistics; and
   * when the finished run was itself a run of a chain, its own {@code after} object as {@code
   * after.after}, so that a job at the end of a chain still sees the run that began it (a
   * notification after a refresh after a sync can look at the sync's items).
   */
  @Override
  public Optional<NewRun> runAfter(JobRun finished, JobSchedule schedule) {
    if (ranInChainOf(finished, schedule.jobName())) {
      log.error(
          "schedule '{}' follows {} in a cycle: {} already ran in the chain of run {}; it is not"
              + " run again. Remove one 'after' of the cycle.",
          schedule.name(),
          finished.jobName(),
          schedule.jobName(),
          finished.id());
      return Optional.empty();
    }
    return Optional.of(
        runOf(schedule, Trigger.AFTER, finished.endTime())
            .scheduleId(schedule.id())
            .afterRunId(finished.id())
            .parameters(parametersAfter(finished, schedule.config()))
            .build());
  }

  /** Whether {@code job} is the finished run's or ran before it in its chain (after.after…). */
  private static boolean ranInChainOf(JobRun finished, String job) {
    if (finished.jobName().equals(job)) {
      return true;
    }
    JsonNode link = readObject(finished.parameters()).map(p -> p.get("after")).orElse(null);
    while (link != null && link.isObject()) {
      if (job.equals(link.path("job").asText())) {
        return true;
      }
      link = link.get("after");
    }
    return false;
  }

  private NewRun.Builder runOf(JobSchedule schedule, Trigger trigger, Instant runAt) {
    Optional<Job> job = registry.find(schedule.jobName());
    Duration timeout =
        schedule.timeoutSeconds() != null
            ? Duration.ofSeconds(schedule.timeoutSeconds())
            : job.map(Job::timeout).orElse(null);
    int concurrency = job.map(Job::maxConcurrency).orElse(NewRun.EXCLUSIVE);
    return NewRun.builder(schedule.jobName(), schedule.jobType(), trigger, runAt)
        .userId(schedule.userId())
        .parameters(schedule.config())
        .timeout(timeout)
        .concurrencyLimit(concurrency);
  }

  static String parametersAfter(JobRun finished, String config) {
    ObjectNode parameters = readObject(config).orElseGet(JSON::createObjectNode).deepCopy();
    ObjectNode after = parameters.putObject("after");
    after.put("runId", finished.id());
    after.put("job", finished.jobName());
    after.put("startedAt", finished.startTime() == null ? null : finished.startTime().toString());
    after.put("endedAt", finished.endTime() == null ? null : finished.endTime().toString());
    after.set("statistics", readObject(finished.metadata()).orElseGet(JSON::createObjectNode));
    readObject(finished.parameters())
        .map(previous -> previous.get("after"))
        .filter(JsonNode::isObject)
        .ifPresent(previous -> after.set("after", previous));
    return parameters.toString();
  }

  /** A JSON object read from text the engine stored; anything else reads as absent. */
  private static Optional<ObjectNode> readObject(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
