package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.maintenance.DatabaseMaintenanceService;
import io.suasor.media.maintenance.MaintenanceReport;

/** {@code system.database.maintenance}. */
public final class DatabaseMaintenanceJob implements Job {
  public static final String NAME = "system.database.maintenance";

  private final DatabaseMaintenanceService maintenance;

  public DatabaseMaintenanceJob(DatabaseMaintenanceService maintenance) {
    this.maintenance = maintenance;
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
    MaintenanceReport report = maintenance.maintain(new ContextTracker(context));
    context.result("runsPruned", report.runsPruned());
    context.result("notificationsPruned", report.notificationsPruned());
    context.result("recommendationsPruned", report.recommendationsPruned());
    context.result("tokensPruned", report.tokensPruned());
    report.database().forEach(context::result);
    report.problems().forEach(problem -> context.log().warn("database check: {}", problem));
  }
}
