package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.metadata.MetadataRefreshService;
import io.suasor.media.metadata.RefreshReport;

/**
 * {@code system.metadata.refresh}: the specification's statistic keys, zeros included. It runs
 * after every successful media sync (a chain: the sync's new items want their metadata) and once a
 * day besides.
 */
public final class MetadataRefreshJob implements Job {
  public static final String NAME = "system.metadata.refresh";

  private final MetadataRefreshService refresh;

  public MetadataRefreshJob(MetadataRefreshService refresh) {
    this.refresh = refresh;
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
    RefreshReport report = refresh.refresh(new ContextTracker(context));
    context.result("moviesUpdated", report.moviesUpdated());
    context.result("seriesUpdated", report.seriesUpdated());
    context.result("episodesUpdated", report.episodesUpdated());
    context.result("tracksUpdated", report.tracksUpdated());
    context.result("errorCount", report.errorCount());
    context.result("totalItemsChecked", report.totalItemsChecked());
    report.errors().stream()
        .limit(MediaSyncJob.MAX_PROBLEMS_IN_RESULT)
        .forEach(error -> context.log().warn("metadata refresh: {}", error));
  }
}
