package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.service.JobService;
import io.suasor.media.jobs.MediaSyncJob;
import io.suasor.media.model.MediaSource;
import io.suasor.media.store.Json;
import io.suasor.media.sync.SyncType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users' media sync jobs, kept as the engine's schedules: a schedule of {@code
 * system.media.sync} owned by a user, whose config {@code {"clientId": …, "syncType": …}} the
 * engine hands to each run it fires. There is one per (user, source, sync type), named {@code
 * system.media.sync.user-U.source-S.TYPE} ({@code …user-U.all.full} for all of a user's sources).
 */
final class MediaSyncSchedules {
  private final JobService jobs;

  MediaSyncSchedules(JobService jobs) {
    this.jobs = jobs;
  }

  /** A user's media sync job as the schedule holding it reads: its source and sync type. */
  record Target(Long clientId, String syncType) {}

  static String name(long userId, MediaSource source, SyncType type) {
    return MediaSyncJob.NAME
        + ".user-"
        + userId
        + (source == null ? ".all" : ".source-" + source.id())
        + "."
        + type.value();
  }

  /** The user's own media sync jobs; never another user's, nor the system's schedule. */
  List<JobSchedule> of(long userId) {
    return jobs.findUserSchedules(userId).stream()
        .filter(s -> s.jobName().equals(MediaSyncJob.NAME))
        .toList();
  }

  Optional<JobSchedule> byId(long userId, long id) {
    return of(userId).stream().filter(s -> s.id() == id).findFirst();
  }

  /**
   * Creates the user's job for that source and sync type, or changes its frequency and enabled
   * flag. A schedule of that name that belongs to someone else (schedule names are free text) is
   * not taken over.
   */
  JobSchedule save(
      long userId, MediaSource source, SyncType type, String frequency, Boolean enabled) {
    String name = name(userId, source, type);
    Optional<JobSchedule> current = jobs.getJobScheduleByName(name);
    if (current.isPresent()) {
      if (current.get().userId() == null || current.get().userId() != userId) {
        throw ApiException.conflict(
            "a schedule named " + name + " already exists and is not yours; ask an admin");
      }
      return edit(current.get(), frequency, enabled);
    }
    return jobs.createJobSchedule(draft(name, userId, source, type, frequency, enabled));
  }

  /** Changes frequency and enabled flag; a null keeps its value. */
  JobSchedule edit(JobSchedule current, String frequency, Boolean enabled) {
    return jobs.updateJobSchedule(
        ScheduleRequest.timing(frequency, enabled).applyTo(current.toBuilder()).build());
  }

  void delete(JobSchedule schedule) {
    jobs.deleteJobSchedule(schedule.name());
  }

  /**
   * Deletes every media sync job of a source, so that none fires for it once it is gone; returns
   * how many there were. They are its owner's: a user makes sync jobs of their own sources only.
   */
  int deleteFor(MediaSource source) {
    List<JobSchedule> ofSource =
        of(source.userId()).stream()
            .filter(s -> Long.valueOf(source.id()).equals(target(s).clientId()))
            .toList();
    ofSource.forEach(this::delete);
    return ofSource.size();
  }

  static Target target(JobSchedule schedule) {
    JsonNode config;
    try {
      config = Json.mapper().readTree(schedule.config() == null ? "{}" : schedule.config());
    } catch (IOException e) {
      config = Json.mapper().createObjectNode();
    }
    Long clientId =
        config.hasNonNull("clientId") && config.get("clientId").asLong() != 0
            ? config.get("clientId").asLong()
            : null;
    return new Target(clientId, config.path("syncType").asText(SyncType.FULL.value()));
  }

  private static JobSchedule draft(
      String name,
      long userId,
      MediaSource source,
      SyncType type,
      String frequency,
      Boolean enabled) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("clientId", source == null ? null : source.id());
    config.put("syncType", type.value());
    JobSchedule.Builder schedule =
        JobSchedule.builder(MediaSyncJob.NAME)
            .name(name)
            .jobType(JobType.SYNC)
            .userId(userId)
            .config(Json.write(config));
    return ScheduleRequest.timing(frequency, enabled).applyTo(schedule).build();
  }
}
