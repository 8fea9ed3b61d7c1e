package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.service.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks the runs of a bulk enqueue before any is inserted, so that a bad entry leaves the database
 * untouched and the error names the entry by its index.
 */
final class BulkRuns {
  private BulkRuns() {}

  static void check(List<NewRun> runs, JobRegistry registry) {
    for (int i = 0; i < runs.size(); i++) {
      Optional<String> problem = problem(runs.get(i), registry);
      if (problem.isPresent()) {
        String field = "runs[" + i + "]";
        throw new InvalidRequestException(field, field + ": " + problem.get());
      }
    }
  }

  private static Optional<String> problem(NewRun run, JobRegistry registry) {
    if (run == null) {
      return Optional.of("the run is missing (null)");
    }
    if (run.jobName() == null || run.jobName().isBlank()) {
      return Optional.of("jobName is required");
    }
    Optional<Job> job = registry.find(run.jobName());
    if (job.isEmpty()) {
      return Optional.of(
          "there is no job named '"
              + run.jobName()
              + "'; registered jobs are "
              + String.join(", ", registry.all().stream().map(Job::name).sorted().toList()));
    }
    if (run.jobType() != job.get().type()) {
      return Optional.of(
          "job '"
              + run.jobName()
              + "' is of type "
              + job.get().type().value()
              + ", not "
              + (run.jobType() == null ? "null" : run.jobType().value()));
    }
    if (run.trigger() == null || run.runAt() == null) {
      return Optional.of("trigger and runAt are required");
    }
    if (run.attempt() < 1) {
      return Optional.of("attempt must be at least 1, was " + run.attempt());
    }
    Duration timeout = run.timeout();
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      return Optional.of("timeout must be positive, was " + timeout);
    }
    if (run.parameters() == null) {
      return Optional.of("parameters is required; use {} for none");
    }
    try {
      ScheduleRequests.requireJsonObject("parameters", run.parameters());
    } catch (InvalidRequestException e) {
      return Optional.of(e.getMessage());
    }
    return Optional.empty();
  }
}
