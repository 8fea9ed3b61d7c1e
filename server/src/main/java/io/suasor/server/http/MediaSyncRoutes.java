package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.service.ManualRun;
import io.suasor.media.jobs.MediaSyncJob;
import io.suasor.media.model.MediaSource;
import io.suasor.media.store.Json;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.SyncType;
import io.suasor.server.auth.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's media sync routes, over the users' media sync jobs ({@link MediaSyncSchedules}):
 * list, save (create or change by source and sync type), change and delete by id, and manual runs,
 * all for the caller only.
 */
final class MediaSyncRoutes {
  private final JobService jobs;
  private final SourceStore sources;
  private final MediaSyncSchedules schedules;
  private final io.suasor.server.http.Json json;

  MediaSyncRoutes(
      JobService jobs,
      SourceStore sources,
      MediaSyncSchedules schedules,
      io.suasor.server.http.Json json) {
    this.jobs = jobs;
    this.sources = sources;
    this.schedules = schedules;
    this.json = json;
  }

  /** The original's MediaSyncJob, read from the schedule that holds it. */
  record MediaSyncView(
      long id,
      long userId,
      Long clientId,
      String clientType,
      String syncType,
      Instant lastSyncTime,
      String frequency,
      boolean enabled,
      String filters,
      String scheduleName,
      Instant nextSyncTime) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/jobs/media-sync", this::list);
    routes.post("/api/v1/jobs/media-sync", this::save);
    routes.post("/api/v1/jobs/media-sync/run", this::run);
    routes.put("/api/v1/jobs/media-sync/{id}", this::change);
    routes.delete("/api/v1/jobs/media-sync/{id}", this::delete);
    routes.post("/api/v1/jobs/full-sync", ctx -> start(ctx, null, SyncType.FULL));
  }

  private void list(Context ctx) {
    List<MediaSyncView> views =
        schedules.of(Requests.user(ctx).id()).stream().map(this::view).toList();
    ctx.json(Envelope.ok(views.size() + " media sync jobs", views));
  }

  /** Creates the caller's schedule for that source and sync type, or changes its frequency. */
  private void save(Context ctx) {
    User user = Requests.user(ctx);
    MediaSyncRequest request = json.read(ctx.body(), MediaSyncRequest.class);
    SyncType type = syncType(request.syncType());
    MediaSource source = source(user, request.source(), type);
    if (source != null
        && request.clientType() != null
        && !request.clientType().equalsIgnoreCase(source.type().value())) {
      throw ApiException.invalid(
          "clientType",
          "source "
              + source.id()
              + " is a "
              + source.type().value()
              + " source, not "
              + request.clientType()
              + "; send clientType "
              + source.type().value()
              + " or leave it out");
    }
    requireFrequency(request.frequency());
    JobSchedule saved =
        schedules.save(user.id(), source, type, request.frequency(), request.enabled());
    ctx.json(Envelope.ok("media sync job saved", view(saved)));
  }

  /** Changes the frequency or enabled flag of one of the caller's media sync jobs. */
  private void change(Context ctx) {
    JobSchedule current = owned(ctx);
    MediaSyncRequest request = json.read(ctx.body(), MediaSyncRequest.class);
    MediaSyncSchedules.Target target = MediaSyncSchedules.target(current);
    if (request.source() != null && !request.source().equals(target.clientId())) {
      throw ApiException.invalid(
          "clientID",
          "a media sync job's source cannot be changed; create a job for the other source"
              + " (POST /api/v1/jobs/media-sync) and delete this one");
    }
    if (request.syncType() != null && !request.syncType().equalsIgnoreCase(target.syncType())) {
      throw ApiException.invalid(
          "syncType",
          "a media sync job's sync type cannot be changed (it is "
              + target.syncType()
              + "); create a job of the other type and delete this one");
    }
    if (request.frequency() != null) {
      requireFrequency(request.frequency());
    }
    JobSchedule changed = schedules.edit(current, request.frequency(), request.enabled());
    ctx.json(Envelope.ok("media sync job " + changed.id() + " changed", view(changed)));
  }

  private void delete(Context ctx) {
    JobSchedule current = owned(ctx);
    schedules.delete(current);
    ctx.json(Envelope.ok("media sync job " + current.id() + " deleted", view(current)));
  }

  /** The caller's media sync job named in the path; anyone else's is not found. */
  private JobSchedule owned(Context ctx) {
    long id = Requests.id(ctx, "id");
    return schedules
        .byId(Requests.user(ctx).id(), id)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "you have no media sync job " + id + "; see GET /api/v1/jobs/media-sync"));
  }

  private static void requireFrequency(String frequency) {
    if (frequency == null || frequency.isBlank()) {
      throw ApiException.invalid(
          "frequency", "frequency is required; accepted forms are " + Schedule.ACCEPTED_FORMS);
    }
  }

  private void run(Context ctx) {
    User user = Requests.user(ctx);
    MediaSyncRequest request = json.read(ctx.body(), MediaSyncRequest.class);
    SyncType type = syncType(request.syncType());
    start(ctx, source(user, request.source(), type), type);
  }

  /** A manual run for the caller, of one source or (for a full sync) all of theirs. */
  private void start(Context ctx, MediaSource source, SyncType type) {
    User user = Requests.user(ctx);
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (source != null) {
      parameters.put("clientId", source.id());
    }
    parameters.put("syncType", type.value());
    JobRun run =
        jobs.runJobManually(new ManualRun(MediaSyncJob.NAME, user.id(), Json.write(parameters)));
    ctx.status(202)
        .header("Location", "/api/v1/jobs/runs/" + run.id())
        .json(
            Envelope.ok(
                "run "
                    + run.id()
                    + ": "
                    + type.value()
                    + " sync of "
                    + (source == null ? "all your sources" : "source " + source.id())
                    + " started",
                run));
  }

  private static SyncType syncType(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid(
          "syncType",
          "syncType is required: movies, series, music, history, favorites, collections,"
              + " playlists or full");
    }
    try {
      return SyncType.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("syncType", e.getMessage());
    }
  }

  /** The caller's source with that id; none is allowed only for a full sync. */
  private MediaSource source(User user, Long id, SyncType type) {
    if (id == null) {
      if (type != SyncType.FULL) {
        throw ApiException.invalid(
            "clientID",
            "a "
                + type.value()
                + " sync needs clientID, the id of one of your sources (GET /api/v1/sources);"
                + " only a full sync may leave it out");
      }
      return null;
    }
    return sources
        .byId(id)
        .filter(source -> source.userId() == user.id())
        .orElseThrow(
            () -> ApiException.notFound("you have no source " + id + "; see GET /api/v1/sources"));
  }

  private MediaSyncView view(JobSchedule schedule) {
    MediaSyncSchedules.Target target = MediaSyncSchedules.target(schedule);
    String clientType =
        target.clientId() == null
            ? null
            : sources.byId(target.clientId()).map(source -> source.type().value()).orElse(null);
    return new MediaSyncView(
        schedule.id(),
        schedule.userId(),
        target.clientId(),
        clientType,
        target.syncType(),
        schedule.lastRunTime(),
        schedule.frequency(),
        schedule.enabled(),
        "{}",
        schedule.name(),
        schedule.nextRunTime());
  }
}
