package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Starts the chains of completed runs, inside the transaction that records the completions: the
 * completion is fenced (only the owning node's write ends a run), so the runs of a chain are
 * created exactly once per completed run, whatever the number of nodes, and never without the
 * completion they follow; the unique (schedule, after run) key guards it a second time.
 *
 * <p>A schedule follows a run when it is enabled, names the run's job in {@code after JOB}, and
 * either one of them belongs to no user or both belong to the same user: a system schedule follows
 * every user's runs of the job, a user's schedule follows that user's runs and the system's.
 */
final class ChainStore {
  /**
   * A column for the RETURNING list of a statement that ends runs: whether the run completed and is
   * followed. Runs that are not followed (nearly all) then cost no further statement.
   */
  static final String FOLLOWED =
      """
      (job_runs.status = 'completed' AND EXISTS (
          SELECT 1 FROM job_schedules s WHERE s.after_job = job_runs.job_name AND s.enabled))
          AS followed""";

  /** A run as a statement ended it, and whether a chain follows it. */
  record Ended(JobRun run, boolean followed) {
    static Ended map(ResultSet row) throws SQLException {
      return new Ended(RunStore.map(row), row.getBoolean("followed"));
    }
  }

  /** An enabled schedule that follows {@code afterJob}. */
  private record Follower(JobSchedule schedule, String afterJob) {
    static Follower map(ResultSet row) throws SQLException {
      return new Follower(ScheduleStore.map(row), row.getString("after_job"));
    }

    /** Whether it follows {@code run}: the run's job, and, when both have users, the same user. */
    boolean follows(JobRun run) {
      return afterJob.equals(run.jobName())
          && (schedule.userId() == null
              || run.userId() == null
              || Objects.equals(schedule.userId(), run.userId()));
    }
  }

  private ChainStore() {}

  /**
   * Whether an enabled schedule follows the job of a completion that completed. Read on the writing
   * connection before the ends are written, so that the ends of runs no chain follows stay one
   * write without a transaction; the write checks again for each run ({@link #FOLLOWED}). A
   * schedule saved while a run of its job is ending may miss that run, as if saved just after it.
   */
  static boolean anyFollowed(Connection c, List<Completion> completions) throws SQLException {
    List<String> jobs =
        completions.stream()
            .filter(completion -> completion.status() == JobStatus.COMPLETED)
            .map(Completion::jobName)
            .distinct()
            .toList();
    if (jobs.isEmpty()) {
      return false;
    }
    return Jdbc.queryOne(
            c,
            "SELECT 1 FROM job_schedules WHERE enabled AND after_job IN ("
                + placeholders(jobs.size())
                + ") LIMIT 1",
            row -> true,
            jobs.toArray())
        .isPresent();
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  /**
   * Inserts the runs of the schedules that follow the {@code ended} runs marked followed, and
   * stamps those schedules' last run time; returns the inserted runs by the id of the run they
   * follow.
   */
  static Map<Long, List<JobRun>> follow(
      Connection c, List<Ended> ended, Followers followers, Instant now) throws SQLException {
    List<JobRun> followed = ended.stream().filter(Ended::followed).map(Ended::run).toList();
    if (followed.isEmpty()) {
      return Map.of();
    }
    List<String> jobs = followed.stream().map(JobRun::jobName).distinct().toList();
    List<Follower> schedules =
        Jdbc.query(
            c,
            "SELECT "
                + ScheduleStore.COLUMNS
                + ", after_job FROM job_schedules WHERE enabled AND after_job IN ("
                + placeholders(jobs.size())
                + ") ORDER BY id",
            Follower::map,
            jobs.toArray());
    Map<Long, List<JobRun>> started = new HashMap<>();
    // Stamped in id order, so two nodes stamping the same schedules cannot deadlock.
    TreeSet<Long> fired = new TreeSet<>();
    for (JobRun run : followed) {
      for (Follower follower : schedules) {
        if (!follower.follows(run)) {
          continue;
        }
        JobSchedule schedule = follower.schedule();
        Optional<NewRun> planned = followers.runAfter(run, schedule);
        if (planned.isEmpty()) {
          continue;
        }
        NewRun next = planned.get();
        if (!Objects.equals(next.afterRunId(), run.id())
            || !Objects.equals(next.scheduleId(), schedule.id())) {
          throw new IllegalArgumentException(
              "the run after run " + run.id() + " must name it and schedule " + schedule.id());
        }
        var inserted = RunStore.insertUnlessFollowed(c, next, now);
        if (inserted.isPresent()) {
          started.computeIfAbsent(run.id(), id -> new ArrayList<>()).add(inserted.get());
          fired.add(schedule.id());
        }
      }
    }
    for (long id : fired) {
      Jdbc.update(
          c,
          "UPDATE job_schedules SET last_run_time = ?, updated_at = ? WHERE id = ?",
          now,
          now,
          id);
    }
    return started;
  }
}
