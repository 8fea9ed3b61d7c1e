package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.metadata.ChangeWindow;
import io.suasor.media.metadata.MetadataRefreshService;
import io.suasor.media.metadata.RefreshReport;
import java.util.Optional;

/**
 * {@code system.metadata.refresh}: the specification's statistic keys, zeros included, the
 * providers' own counts ({@code tmdbRequests}, …), and a message that says when TMDB was not used.
 * A run in which TMDB failed for some items ends failed, after writing what it found for the rest.
 * It runs after every successful media sync (a chain: the sync's new items want their metadata) and
 * once a day besides.
 */
public final class MetadataRefreshJob implements Job {
  public static final String NAME = "system.metadata.refresh";

  private final MetadataRefreshService refresh;
  private final Optional<String> tmdbUnused;

  /**
   * @param tmdbUnused why TMDB is not among the providers (not configured); empty when it is
   */
  public MetadataRefreshJob(MetadataRefreshService refresh, Optional<String> tmdbUnused) {
    this.refresh = refresh;
    this.tmdbUnused = tmdbUnused;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Schedule schedule() {
    return Schedule.daily().orAfter(MediaSyncJob.NAME);
  }

  @Override
  public void execute(JobContext context) {
    Optional<ChangeWindow> after = ChangeWindow.fromParameters(context.parameters());
    RefreshReport report = refresh.refresh(new ContextTracker(context), after);
    after.ifPresent(window -> context.result("after", window.runId()));
    context.result("moviesUpdated", report.moviesUpdated());
    context.result("seriesUpdated", report.seriesUpdated());
    context.result("episodesUpdated", report.episodesUpdated());
    context.result("tracksUpdated", report.tracksUpdated());
    context.result("errorCount", report.errorCount());
    context.result("totalItemsChecked", report.totalItemsChecked());
    report.providerStatistics().forEach(context::result);
    context.result("tmdbUsed", tmdbUnused.isEmpty());
    report.stoppedEarly().ifPresent(why -> context.result("stoppedEarly", why));
    report.errors().stream()
        .limit(MediaSyncJob.MAX_PROBLEMS_IN_RESULT)
        .forEach(error -> context.log().warn("metadata refresh: {}", error));
    StringBuilder message =
        new StringBuilder()
            .append(report.totalItemsChecked())
            .append(" items checked")
            .append(after.map(window -> " (" + window.describe() + ")").orElse(""))
            .append(", ")
            .append(report.updated())
            .append(" updated");
    if (report.errorCount() > 0) {
      message.append(", ").append(report.errorCount()).append(" failed");
    }
    Long requests = report.providerStatistics().get("tmdbRequests");
    if (requests != null) {
      message
          .append("; TMDB: ")
          .append(requests)
          .append(requests == 1 ? " request, " : " requests, ")
          .append(report.providerStatistics().getOrDefault("tmdbMatched", 0L))
          .append(" matched, ")
          .append(report.providerStatistics().getOrDefault("tmdbNotFound", 0L))
          .append(" not found");
    }
    tmdbUnused.ifPresent(why -> message.append("; ").append(why));
    report.stoppedEarly().ifPresent(why -> message.append("; stopped early: ").append(why));
    context.message(message.toString());
    long tmdbFailed = report.providerStatistics().getOrDefault("tmdbFailed", 0L);
    if (tmdbFailed > 0) {
      throw new MediaException(
          "TMDB failed for "
              + tmdbFailed
              + (tmdbFailed == 1 ? " item" : " items")
              + " (see the run's log); they stay stale and the next run asks again");
    }
  }
}
