package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.schedule.InvalidScheduleException;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the cycle a chained schedule would close: a job that, through {@code after JOB} schedules,
 * would run after its own run and so start itself forever. Every stored schedule counts, enabled or
 * not, and whoever it belongs to, so that enabling one later cannot close a cycle either.
 */
final class ChainCycles {
  private ChainCycles() {}

  /**
   * Refuses {@code candidate} when it would close a cycle, naming it. Only the {@code stored}
   * schedules that follow a job matter: the chained ones are enough.
   *
   * @throws InvalidRequestException on the {@code frequency} field
   */
  static void refuseCycle(JobSchedule candidate, List<JobSchedule> stored) {
    closedBy(candidate, stored)
        .ifPresent(
            cycle -> {
              throw new InvalidRequestException(
                  "frequency",
                  "schedule '"
                      + candidate.name()
                      + "' would make a cycle: "
                      + String.join(" after ", cycle)
                      + "; a job cannot run after its own runs, so remove one of these"
                      + " 'after' parts");
            });
  }

  /**
   * The cycle that saving {@code candidate} (in place of a stored schedule of the same name) would
   * close, as job names from the followed job back to it, e.g. {@code [a, b, a]} for "a after b
   * after a"; empty when it closes none.
   */
  static Optional<List<String>> closedBy(JobSchedule candidate, List<JobSchedule> stored) {
    Optional<String> after = afterJob(candidate);
    if (after.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<String>> followersOf = new HashMap<>();
    for (JobSchedule schedule : stored) {
      if (!schedule.name().equals(candidate.name())) {
        afterJob(schedule)
            .ifPresent(
                job ->
                    followersOf
                        .computeIfAbsent(job, k -> new ArrayList<>())
                        .add(schedule.jobName()));
      }
    }
    // The candidate makes its job run after `after`: a cycle if `after` already runs, through
    // followers, after the candidate's job (or is it).
    List<String> path = new ArrayList<>();
    if (!reach(candidate.jobName(), after.get(), followersOf, path, new HashSet<>())) {
      return Optional.empty();
    }
    List<String> cycle = new ArrayList<>(path);
    Collections.reverse(cycle);
    cycle.add(after.get());
    return Optional.of(List.copyOf(cycle));
  }

  /** Depth-first: whether {@code target} follows {@code from}; fills {@code path} from → target. */
  private static boolean reach(
      String from,
      String target,
      Map<String, List<String>> followersOf,
      List<String> path,
      Set<String> seen) {
    path.add(from);
    if (from.equals(target)) {
      return true;
    }
    if (seen.add(from)) {
      for (String next : followersOf.getOrDefault(from, List.of())) {
        if (reach(next, target, followersOf, path, seen)) {
          return true;
        }
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  private static Optional<String> afterJob(JobSchedule schedule) {
    try {
      return Schedule.parse(schedule.frequency()).afterJob();
    } catch (InvalidScheduleException e) {
      return Optional.empty();
    }
  }
}
