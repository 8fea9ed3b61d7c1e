package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.cleanup.CleanupReport;
import io.suasor.media.cleanup.LibraryCleanupService;

/** {@code system.library.cleanup}. */
public final class LibraryCleanupJob implements Job {
  public static final String NAME = "system.library.cleanup";

  private final LibraryCleanupService cleanup;

  public LibraryCleanupJob(LibraryCleanupService cleanup) {
    this.cleanup = cleanup;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Schedule schedule() {
    return Schedule.parse("weekly");
  }

  @Override
  public void execute(JobContext context) {
    CleanupReport report = cleanup.clean(new ContextTracker(context));
    context.result("duplicatesMerged", report.duplicatesMerged());
    context.result("orphansRemoved", report.orphansRemoved());
    context.result("episodesRelinked", report.episodesRelinked());
    context.result("invalidItemsRemoved", report.invalidItemsRemoved());
    context.result("userDataRemoved", report.userDataRemoved());
    context.result("playsRemoved", report.playsRemoved());
  }
}
