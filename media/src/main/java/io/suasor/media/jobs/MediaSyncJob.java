package io.suasor.media.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.source.ScanProblem;
import io.suasor.media.store.Json;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncReport;
import io.suasor.media.sync.SyncType;
import java.util.List;
import java.util.Map;

/**
 * {@code system.media.sync}. Scheduled, it syncs every due source fully. Run with parameters {@code
 * {"clientID": 3, "syncType": "movies"}} it syncs one source; {@code {"syncType": "full"}} without
 * a source syncs every enabled source. The original's spellings {@code clientId} and {@code
 * mediaType} are accepted too. A run for a user (a user's own schedule or manual run) touches only
 * that user's sources.
 */
public final class MediaSyncJob implements Job {
  public static final String NAME = "system.media.sync";

  /** Problems kept in a run's metadata; the count says how many there were in all. */
  static final int MAX_PROBLEMS_IN_RESULT = 200;

  private final MediaSyncService sync;

  public MediaSyncJob(MediaSyncService sync) {
    this.sync = sync;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobType type() {
    return JobType.SYNC;
  }

  @Override
  public Schedule schedule() {
    return Schedule.parse("hourly");
  }

  @Override
  public void execute(JobContext context) throws Exception {
    JsonNode parameters = Json.mapper().readTree(context.parameters());
    JsonNode source = first(parameters, "clientID", "clientId", "sourceId");
    JsonNode type = first(parameters, "syncType", "mediaType");
    ContextTracker tracker = new ContextTracker(context);
    Long owner = context.userId().orElse(null);
    SyncType syncType = type == null ? SyncType.FULL : SyncType.of(type.asText());
    SyncReport report;
    if (source == null && type == null && owner == null) {
      report = sync.syncDue(tracker);
    } else if (source == null || source.asLong() == 0) {
      if (syncType != SyncType.FULL) {
        throw new MediaException("sync type " + syncType.value() + " needs a clientID");
      }
      report =
          owner == null
              ? sync.syncAll(syncType, tracker)
              : sync.syncAllOf(owner, syncType, tracker);
    } else {
      report =
          owner == null
              ? sync.syncSource(source.asLong(), syncType, tracker)
              : sync.syncSourceOf(owner, source.asLong(), syncType, tracker);
    }
    publish(context, report);
  }

  private static void publish(JobContext context, SyncReport report) {
    context.result("sourcesSynced", report.sourcesSynced());
    context.result("sourcesFailed", report.sourcesFailed());
    context.result("itemsCreated", report.itemsCreated());
    context.result("itemsUpdated", report.itemsUpdated());
    context.result("itemsUnchanged", report.itemsUnchanged());
    context.result("itemsRemoved", report.itemsRemoved());
    context.result("problems", report.problems().size());
    List<Map<String, String>> problems =
        report.problems().stream()
            .limit(MAX_PROBLEMS_IN_RESULT)
            .map(MediaSyncJob::problem)
            .toList();
    if (!problems.isEmpty()) {
      context.result("problemFiles", problems);
    }
    context.message(
        report.sourcesSynced()
            + " sources synced: "
            + report.itemsCreated()
            + " created, "
            + report.itemsUpdated()
            + " updated, "
            + report.itemsRemoved()
            + " removed");
  }

  private static Map<String, String> problem(ScanProblem problem) {
    return Map.of("path", problem.path(), "problem", problem.problem());
  }

  private static JsonNode first(JsonNode parameters, String... names) {
    for (String name : names) {
      JsonNode value = parameters.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return null;
  }
}
