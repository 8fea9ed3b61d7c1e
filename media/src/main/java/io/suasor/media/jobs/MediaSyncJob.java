package io.suasor.media.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.source.ScanProblem;
import io.suasor.media.store.Json;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncReport;
import io.suasor.media.sync.SyncRequest;
import io.suasor.media.sync.SyncType;
import java.util.List;
import java.util.Map;

/**
 * {@code system.media.sync}. Scheduled (on its clock, or after a job its schedule follows), it
 * syncs every source whose interval has passed. Run by hand without parameters it syncs every
 * enabled source now. With parameters {@code {"clientID": 3, "syncType": "movies"}} it syncs one
 * source; {@code {"syncType": "full"}} without a source syncs every enabled source; {@code
 * "listing": "complete"} makes media servers list their catalogs completely (noticing removals)
 * rather than only what changed. The original's spellings {@code clientId} and {@code mediaType}
 * are accepted too. A run for a user (a user's own schedule or manual run) touches only that user's
 * sources. A run in which any source failed ends failed, after syncing the others, naming each
 * failed source and why; the statistics of the rest are kept.
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
    JsonNode listing = first(parameters, "listing");
    ContextTracker tracker = new ContextTracker(context);
    Long owner = context.userId().orElse(null);
    SyncType syncType = type == null ? SyncType.FULL : SyncType.of(type.asText());
    SyncRequest request = new SyncRequest(syncType, complete(listing));
    SyncReport report;
    if (source == null && type == null && owner == null && isScheduled(context)) {
      report = sync.syncDue(tracker);
    } else if (source == null || source.asLong() == 0) {
      if (syncType != SyncType.FULL) {
        throw new MediaException(
            "sync type " + syncType.value() + " needs a clientID: the source to sync");
      }
      report =
          owner == null ? sync.syncAll(request, tracker) : sync.syncAllOf(owner, request, tracker);
    } else {
      report =
          owner == null
              ? sync.syncSource(source.asLong(), request, tracker)
              : sync.syncSourceOf(owner, source.asLong(), request, tracker);
    }
    publish(context, report);
    if (!report.failures().isEmpty()) {
      throw new MediaException(failureMessage(report));
    }
  }

  /** Fired by its schedule, on the clock or after the job its schedule follows. */
  private static boolean isScheduled(JobContext context) {
    return context.trigger() == Trigger.SCHEDULE || context.trigger() == Trigger.AFTER;
  }

  private static boolean complete(JsonNode listing) {
    if (listing == null) {
      return false;
    }
    return switch (listing.asText()) {
      case "complete" -> true;
      case "changes" -> false;
      default ->
          throw new MediaException(
              "listing must be \"complete\" (list everything, noticing removals) or \"changes\""
                  + " (only what changed since the last sync), was '"
                  + listing.asText()
                  + "'");
    };
  }

  private static void publish(JobContext context, SyncReport report) {
    context.result("sourcesSynced", report.sourcesSynced());
    context.result("sourcesFailed", report.sourcesFailed());
    context.result("itemsCreated", report.itemsCreated());
    context.result("itemsUpdated", report.itemsUpdated());
    context.result("itemsUnchanged", report.itemsUnchanged());
    context.result("itemsRemoved", report.itemsRemoved());
    context.result("conflicts", report.conflicts());
    context.result("writtenBack", report.writtenBack());
    context.result("problems", report.problems().size());
    if (!report.failures().isEmpty()) {
      context.result("failedSources", report.failures());
    }
    if (!report.notOffered().isEmpty()) {
      context.result("notOffered", report.notOffered());
    }
    List<Map<String, String>> problems =
        report.problems().stream()
            .limit(MAX_PROBLEMS_IN_RESULT)
            .map(MediaSyncJob::problem)
            .toList();
    if (!problems.isEmpty()) {
      context.result("problemFiles", problems);
    }
    StringBuilder message =
        new StringBuilder(count(report.sourcesSynced(), "source", "sources") + " synced: ")
            .append(report.itemsCreated())
            .append(" created, ")
            .append(report.itemsUpdated())
            .append(" updated, ")
            .append(report.itemsRemoved())
            .append(" removed");
    if (report.conflicts() > 0) {
      message.append(", ").append(count(report.conflicts(), "conflict", "conflicts"));
    }
    if (report.writtenBack() > 0) {
      message.append(", ").append(report.writtenBack()).append(" written back");
    }
    if (report.sourcesFailed() > 0) {
      message
          .append("; ")
          .append(count(report.sourcesFailed(), "source", "sources"))
          .append(" failed");
    }
    if (!report.notOffered().isEmpty()) {
      message.append("; not offered: ").append(String.join("; ", report.notOffered()));
    }
    context.message(message.toString());
  }

  private static String failureMessage(SyncReport report) {
    StringBuilder text =
        new StringBuilder()
            .append(report.sourcesFailed())
            .append(" of ")
            .append(report.sourcesFailed() + report.sourcesSynced())
            .append(report.sourcesFailed() + report.sourcesSynced() == 1 ? " source" : " sources")
            .append(" failed");
    for (SyncReport.SourceFailure failure : report.failures()) {
      text.append("; source ")
          .append(failure.sourceId())
          .append(" '")
          .append(failure.sourceName())
          .append("': ")
          .append(failure.error());
    }
    return text.toString();
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
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
