package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.MisfirePolicy;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.service.ManualRun;
import io.suasor.media.jobs.MediaSyncJob;
import io.suasor.media.model.MediaSource;
import io.suasor.media.store.Json;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.SyncType;
import io.suasor.server.auth.User;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's media sync routes. A MediaSyncJob is a user's own schedule of {@code
 * system.media.sync} whose config is {@code {"clientId": …, "syncType": …}}: the engine fires it as
 * a run for that user with that config as parameters, and the job then syncs only that user's
 * sources. There is one per (user, source, sync type), named {@code
 * system.media.sync.user-U.source-S.TYPE} ({@code …user-U.all.full} for all of a user's sources).
 * Manual runs are for the caller too.
 */
final class MediaSyncRoutes {
  private final JobService jobs;
  private final SourceStore sources;
  private final io.suasor.server.http.Json json;

  MediaSyncRoutes(JobService jobs, SourceStore sources, io.suasor.server.http.Json json) {
    this.jobs = jobs;
    this.sources = sources;
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
    routes.post("/api/v1/jobs/full-sync", ctx -> start(ctx, null, SyncType.FULL));
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    List<MediaSyncView> views =
        jobs.getAllJobSchedules().stream()
            .filter(s -> s.jobName().equals(MediaSyncJob.NAME))
            .filter(s -> s.userId() != null && s.userId() == user.id())
            .map(this::view)
            .toList();
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
    if (request.frequency() == null || request.frequency().isBlank()) {
      throw ApiException.invalid(
          "frequency", "frequency is required; accepted forms are " + Schedule.ACCEPTED_FORMS);
    }
    String name =
        MediaSyncJob.NAME
            + ".user-"
            + user.id()
            + (source == null ? ".all" : ".source-" + source.id())
            + "."
            + type.value();
    JobSchedule saved =
        jobs.getJobScheduleByName(name)
            .map(current -> jobs.updateJobSchedule(edited(current, request)))
            .orElseGet(() -> jobs.createJobSchedule(draft(name, user, source, type, request)));
    ctx.json(Envelope.ok("media sync job saved", view(saved)));
  }

  private static JobSchedule draft(
      String name, User user, MediaSource source, SyncType type, MediaSyncRequest request) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("clientId", source == null ? null : source.id());
    config.put("syncType", type.value());
    return new JobSchedule(
        null,
        name,
        MediaSyncJob.NAME,
        JobType.SYNC,
        user.id(),
        request.frequency(),
        JobSchedule.DEFAULT_TIME_ZONE,
        request.enabled() == null || request.enabled(),
        Json.write(config),
        null,
        null,
        MisfirePolicy.FIRE_ONCE,
        null,
        null,
        null,
        null,
        0);
  }

  private static JobSchedule edited(JobSchedule current, MediaSyncRequest request) {
    return new JobSchedule(
        current.id(),
        current.name(),
        current.jobName(),
        current.jobType(),
        current.userId(),
        request.frequency(),
        current.timeZone(),
        request.enabled() == null ? current.enabled() : request.enabled(),
        current.config(),
        current.lastRunTime(),
        current.nextRunTime(),
        current.misfirePolicy(),
        current.maxAttempts(),
        current.timeoutSeconds(),
        current.createdAt(),
        current.updatedAt(),
        current.version());
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
    JsonNode config = config(schedule);
    Long clientId =
        config.hasNonNull("clientId") && config.get("clientId").asLong() != 0
            ? config.get("clientId").asLong()
            : null;
    String clientType =
        clientId == null
            ? null
            : sources.byId(clientId).map(source -> source.type().value()).orElse(null);
    return new MediaSyncView(
        schedule.id(),
        schedule.userId(),
        clientId,
        clientType,
        config.path("syncType").asText(SyncType.FULL.value()),
        schedule.lastRunTime(),
        schedule.frequency(),
        schedule.enabled(),
        "{}",
        schedule.name(),
        schedule.nextRunTime());
  }

  private static JsonNode config(JobSchedule schedule) {
    try {
      return Json.mapper().readTree(schedule.config() == null ? "{}" : schedule.config());
    } catch (IOException e) {
      return Json.mapper().createObjectNode();
    }
  }
}
