package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.SchedulePage;
import io.suasor.server.auth.Access;
import io.suasor.server.auth.User;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Schedule listing, creation, editing, deletion, pausing, resuming, and previews of a text. */
final class ScheduleRoutes {
  static final int DEFAULT_PREVIEW_COUNT = 5;
  static final int MAX_PREVIEW_COUNT = 50;

  private final JobService jobs;
  private final Json json;
  private final Clock clock;

  ScheduleRoutes(JobService jobs, Json json, Clock clock) {
    this.jobs = jobs;
    this.json = json;
    this.clock = clock;
  }

  /** A schedule text read in a zone: its canonical form, its words and its next fire times. */
  record SchedulePreview(
      String frequency, String timeZone, String description, List<OffsetDateTime> fireTimes) {}

  void register(RoutesConfig routes) {
    // Not under /schedules/, where it would hide a schedule that happens to be named "preview".
    routes.get("/api/v1/jobs/schedule-preview", this::preview);
    routes.get("/api/v1/jobs/schedules", this::list);
    routes.post("/api/v1/jobs/schedules", this::create);
    routes.put("/api/v1/jobs/schedules", this::updateByJob);
    routes.get(
        "/api/v1/jobs/schedules/{name}", ctx -> ctx.json(Envelope.ok("schedule", visible(ctx))));
    routes.put("/api/v1/jobs/schedules/{name}", this::update);
    routes.delete("/api/v1/jobs/schedules/{name}", this::delete);
    routes.post("/api/v1/jobs/schedules/{name}/pause", ctx -> setEnabled(ctx, false));
    routes.post("/api/v1/jobs/schedules/{name}/resume", ctx -> setEnabled(ctx, true));
  }

  /**
   * Every visible schedule, or, when {@code limit} or {@code after} is given, one page of them in
   * the same name order with the cursor of the next. The whole list, which clients of the original
   * API read, is streamed from pages of the store.
   */
  private void list(Context ctx) throws IOException {
    User user = Requests.user(ctx);
    Long visibleTo = user.isAdmin() ? null : user.id();
    if (ctx.queryParam("limit") == null && ctx.queryParam("after") == null) {
      StreamedList.answer(
          ctx,
          json,
          "schedules",
          after -> {
            SchedulePage page = jobs.findSchedules(visibleTo, after, StreamedList.PAGE_SIZE);
            return new StreamedList.Page<>(page.schedules(), page.nextCursor());
          });
      return;
    }
    int limit = Requests.intQuery(ctx, "limit", RunRoutes.DEFAULT_LIMIT, 1, RunRoutes.MAX_LIMIT);
    SchedulePage page =
        jobs.findSchedules(visibleTo, Requests.longQuery(ctx, "after").orElse(null), limit);
    ctx.json(
        Envelope.page(
            page.schedules().size() + " schedules",
            page.schedules(),
            new Envelope.Pagination(limit, page.nextCursor())));
  }

  /** Reads a schedule text without saving it, so an editor can check it as it is typed. */
  private void preview(Context ctx) {
    String text =
        Requests.textQuery(ctx, "frequency")
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "frequency",
                        "frequency is required; accepted forms are " + Schedule.ACCEPTED_FORMS));
    String zoneName = Requests.textQuery(ctx, "timeZone").orElse(JobSchedule.DEFAULT_TIME_ZONE);
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      throw ApiException.invalid(
          "timeZone",
          "unknown time zone '" + zoneName + "'; use an IANA name such as UTC or Europe/Berlin");
    }
    int count = Requests.intQuery(ctx, "count", DEFAULT_PREVIEW_COUNT, 0, MAX_PREVIEW_COUNT);
    Schedule schedule = Schedule.parse(text, zone);
    List<OffsetDateTime> fires =
        schedule.preview(clock.instant(), count).stream()
            .map(fire -> fire.atZone(zone).toOffsetDateTime())
            .toList();
    ctx.json(
        Envelope.ok(
            "schedule preview",
            new SchedulePreview(schedule.text(), zone.getId(), schedule.describe(), fires)));
  }

  private void create(Context ctx) {
    User user = Requests.user(ctx);
    ScheduleRequest request = json.read(ctx.body(), ScheduleRequest.class);
    Job job = job(request.jobName());
    Long owner = request.userId();
    if (!user.isAdmin()) {
      if (owner != null && owner != user.id()) {
        throw ApiException.forbidden("a user may create schedules only for themselves");
      }
      RunRoutes.requireUserJob(job);
      owner = user.id();
    }
    String name = request.name();
    if ((name == null || name.isBlank()) && owner != null) {
      name = job.name() + ".user-" + owner;
    }
    JobSchedule draft =
        request.applyTo(JobSchedule.builder(job.name()).name(name).userId(owner)).build();
    JobSchedule created = jobs.createJobSchedule(draft);
    ctx.status(201)
        .header("Location", "/api/v1/jobs/schedules/" + created.name())
        .json(Envelope.ok("schedule created", created));
  }

  /** The original's update: the job's own schedule, found by {@code jobName}. */
  private void updateByJob(Context ctx) {
    ScheduleRequest request = json.read(ctx.body(), ScheduleRequest.class);
    if (request.jobName() == null || request.jobName().isBlank()) {
      throw ApiException.invalid(
          "jobName", "jobName is required: the job whose schedule to change");
    }
    if (request.frequency() == null || request.frequency().isBlank()) {
      throw ApiException.invalid(
          "frequency",
          "frequency is required; accepted forms are "
              + io.suasor.jobs.schedule.Schedule.ACCEPTED_FORMS);
    }
    JobSchedule current = changeable(ctx, request.jobName());
    ctx.json(Envelope.ok("schedule updated", apply(current, request)));
  }

  private void update(Context ctx) {
    ScheduleRequest request = json.read(ctx.body(), ScheduleRequest.class);
    JobSchedule current = changeable(ctx, ctx.pathParam("name"));
    if (request.name() != null && !request.name().equals(current.name())) {
      throw ApiException.invalid("name", "a schedule cannot be renamed; leave name out");
    }
    ctx.json(Envelope.ok("schedule updated", apply(current, request)));
  }

  private JobSchedule apply(JobSchedule current, ScheduleRequest request) {
    if (request.userId() != null && !request.userId().equals(current.userId())) {
      throw ApiException.invalid("userId", "a schedule's user cannot be changed; leave userId out");
    }
    if (request.jobName() != null && !request.jobName().equals(current.jobName())) {
      throw ApiException.invalid(
          "jobName", "a schedule's job cannot be changed; create another schedule instead");
    }
    JobSchedule edited = request.applyTo(current.toBuilder()).build();
    return jobs.updateJobSchedule(edited);
  }

  private void delete(Context ctx) {
    JobSchedule current = changeable(ctx, ctx.pathParam("name"));
    jobs.deleteJobSchedule(current.name());
    ctx.json(Envelope.ok("schedule " + current.name() + " deleted", current));
  }

  private void setEnabled(Context ctx, boolean enabled) {
    JobSchedule current = changeable(ctx, ctx.pathParam("name"));
    JobSchedule changed =
        enabled ? jobs.resumeSchedule(current.name()) : jobs.pauseSchedule(current.name());
    ctx.json(Envelope.ok(enabled ? "schedule resumed" : "schedule paused", changed));
  }

  private JobSchedule visible(Context ctx) {
    return visible(ctx, ctx.pathParam("name"));
  }

  private JobSchedule visible(Context ctx, String name) {
    User user = Requests.user(ctx);
    return jobs.getJobScheduleByName(name)
        .filter(s -> Access.canSee(user, s))
        .orElseThrow(() -> ApiException.notFound("there is no schedule named '" + name + "'"));
  }

  private JobSchedule changeable(Context ctx, String name) {
    JobSchedule schedule = visible(ctx, name);
    if (!Access.canChange(Requests.user(ctx), schedule)) {
      throw ApiException.forbidden(
          "schedule '" + name + "' is a system schedule; only an admin may change it");
    }
    return schedule;
  }

  private Job job(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("jobName", "jobName is required: the job the schedule fires");
    }
    return jobs.registeredJobs().stream()
        .filter(j -> j.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "jobName",
                    "there is no job named '"
                        + name
                        + "'; registered jobs are "
                        + String.join(
                            ", ",
                            jobs.registeredJobs().stream().map(Job::name).sorted().toList())));
  }
}
