package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.service.ManualRun;
import io.suasor.jobs.service.UnknownJobException;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.RunPage;
import io.suasor.jobs.store.RunQuery;
import io.suasor.server.auth.Access;
import io.suasor.server.auth.User;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The job overview, manual runs, run history, run detail, progress, logs and cancellation. */
final class RunRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private final JobService jobs;
  private final RunHistory history;
  private final Json json;

  RunRoutes(JobService jobs, Json json) {
    this.jobs = jobs;
    this.history = new RunHistory(jobs);
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/jobs", this::overview);
    routes.get("/api/v1/jobs/runs", this::list);
    routes.get("/api/v1/jobs/runs/{id}", ctx -> ctx.json(Envelope.ok("run", visibleRun(ctx))));
    routes.get(
        "/api/v1/jobs/runs/{id}/progress",
        ctx -> ctx.json(Envelope.ok("run progress", visibleRun(ctx))));
    routes.get("/api/v1/jobs/runs/{id}/logs", this::logs);
    routes.post("/api/v1/jobs/runs/{id}/cancel", this::cancel);
    routes.get("/api/v1/jobs/active", this::active);
    routes.post("/api/v1/jobs/{name}/run", this::run);
  }

  /** One entry of the overview: a job, its system schedule, and its last and next runs. */
  record JobOverview(
      String name,
      JobType type,
      String frequency,
      String description,
      JobSchedule schedule,
      JobRun lastRun,
      Instant nextRun) {}

  /**
   * Each job's system schedule is looked up by its name (the job's), not found among a list of
   * every schedule: with a schedule per user and job that list is hundreds of thousands long.
   */
  private void overview(Context ctx) {
    User user = Requests.user(ctx);
    List<JobOverview> overview =
        jobs.registeredJobs().stream()
            .sorted(Comparator.comparing(Job::name))
            .map(job -> overviewOf(user, job, systemSchedule(job).orElse(null)))
            .toList();
    ctx.json(Envelope.ok("jobs", overview));
  }

  private Optional<JobSchedule> systemSchedule(Job job) {
    return jobs.getJobScheduleByName(job.name())
        .filter(s -> s.userId() == null && s.jobName().equals(job.name()));
  }

  private JobOverview overviewOf(User user, Job job, JobSchedule schedule) {
    Schedule timing =
        schedule == null
            ? job.schedule()
            : Schedule.parse(schedule.frequency(), ZoneId.of(schedule.timeZone()));
    RunPage last = history.find(user, RunQuery.latest(1).withJobName(job.name()));
    return new JobOverview(
        job.name(),
        job.type(),
        timing.text(),
        schedule != null && !schedule.enabled()
            ? "paused; " + timing.describe()
            : timing.describe(),
        schedule,
        last.runs().isEmpty() ? null : last.runs().get(0),
        schedule == null ? null : schedule.nextRunTime());
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    int limit = Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    Optional<JobStatus> status =
        Requests.textQuery(ctx, "status")
            .map(
                text -> {
                  try {
                    return JobStatus.fromValue(text);
                  } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("status", e.getMessage());
                  }
                });
    Instant from = Requests.instantQuery(ctx, "from").orElse(null);
    Instant to = Requests.instantQuery(ctx, "to").orElse(null);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.invalid("from", "from must not be after to");
    }
    RunQuery query =
        new RunQuery(
            Requests.textQuery(ctx, "job").orElse(null),
            status.orElse(null),
            Requests.longQuery(ctx, "user", "userId", "userID").orElse(null),
            null,
            from,
            to,
            Requests.longQuery(ctx, "before").orElse(null),
            limit);
    RunPage page = history.find(user, query);
    ctx.json(
        Envelope.page(
            page.runs().size() + " runs",
            page.runs(),
            new Envelope.Pagination(limit, page.nextCursor())));
  }

  private JobRun visibleRun(Context ctx) {
    long id = Requests.id(ctx, "id");
    User user = Requests.user(ctx);
    return jobs.getJobRunById(id)
        .filter(run -> Access.canSee(user, run))
        .orElseThrow(() -> ApiException.notFound("there is no run " + id));
  }

  private void logs(Context ctx) {
    JobRun run = visibleRun(ctx);
    ctx.json(Envelope.ok("run logs", jobs.getRunLogs(run.id())));
  }

  private void cancel(Context ctx) {
    JobRun run = visibleRun(ctx);
    User user = Requests.user(ctx);
    if (!Access.canChange(user, run)) {
      throw ApiException.forbidden(
          "run " + run.id() + " is a system run; only an admin may cancel it");
    }
    CancelOutcome outcome = jobs.cancelRun(run.id());
    String message =
        switch (outcome) {
          case CANCELLED -> "run cancelled";
          case REQUESTED -> "cancellation requested; the run stops at its next check";
          case ALREADY_ENDED -> "the run had already ended";
          case NOT_FOUND -> throw ApiException.notFound("there is no run " + run.id());
        };
    JobRun now = jobs.getJobRunById(run.id()).orElse(run);
    ctx.json(Envelope.ok(message, now));
  }

  private void active(Context ctx) {
    User user = Requests.user(ctx);
    List<JobRun> active =
        jobs.getActiveJobRuns().stream().filter(run -> Access.canSee(user, run)).toList();
    ctx.json(Envelope.ok(active.size() + " active runs", active));
  }

  private void run(Context ctx) {
    User user = Requests.user(ctx);
    String name = ctx.pathParam("name");
    Job job =
        jobs.registeredJobs().stream()
            .filter(j -> j.name().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new UnknownJobException(
                        name, jobs.registeredJobs().stream().map(Job::name).sorted().toList()));
    Long forUser = runOwner(ctx, user, job);
    String body = ctx.body();
    String parameters =
        body.isBlank() ? null : json.readObjectText(body, "the body (the run's parameters)");
    JobRun run = jobs.runJobManually(new ManualRun(job.name(), forUser, parameters));
    ctx.status(202)
        .header("Location", "/api/v1/jobs/runs/" + run.id())
        .json(Envelope.ok("run " + run.id() + " of " + job.name() + " created", run));
  }

  /** Whom a manual run is for: an admin's is system-wide unless they name a user. */
  static Long runOwner(Context ctx, User user, Job job) {
    Optional<Long> asked = Requests.longQuery(ctx, "userId", "userID");
    if (user.isAdmin()) {
      return asked.orElse(null);
    }
    if (asked.isPresent() && asked.get() != user.id()) {
      throw ApiException.forbidden("a user may run jobs only for themselves");
    }
    requireUserJob(job);
    return user.id();
  }

  static void requireUserJob(Job job) {
    if (job.type() == JobType.SYSTEM) {
      throw ApiException.forbidden(
          "job '" + job.name() + "' is a system job; only an admin may run or schedule it");
    }
  }
}
