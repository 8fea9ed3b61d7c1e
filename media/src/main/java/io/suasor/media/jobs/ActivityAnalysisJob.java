package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.analysis.ActivityAnalysisService;
import io.suasor.media.analysis.AnalysisReport;

/**
 * {@code system.user.activity.analysis}: once a week, every active user's activity profile (users
 * who turned the analysis off in their job preferences are skipped); a user's own run analyses only
 * them. Statistics: usersAnalysed, usersSkipped, playsCounted.
 */
public final class ActivityAnalysisJob implements Job {
  public static final String NAME = "system.user.activity.analysis";

  private final ActivityAnalysisService analysis;

  public ActivityAnalysisJob(ActivityAnalysisService analysis) {
    this.analysis = analysis;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobType type() {
    return JobType.ANALYSIS;
  }

  @Override
  public Schedule schedule() {
    return Schedule.parse("weekly");
  }

  @Override
  public void execute(JobContext context) {
    ContextTracker tracker = new ContextTracker(context);
    AnalysisReport report =
        context
            .userId()
            .map(userId -> analysis.analyseUser(userId, tracker))
            .orElseGet(() -> analysis.analyseActiveUsers(tracker));
    StringBuilder message =
        new StringBuilder()
            .append(report.usersAnalysed())
            .append(report.usersAnalysed() == 1 ? " user" : " users")
            .append(" analysed from ")
            .append(report.playsCounted())
            .append(report.playsCounted() == 1 ? " play" : " plays");
    if (report.usersSkipped() > 0) {
      message
          .append("; ")
          .append(report.usersSkipped())
          .append(" skipped (analysis turned off in their job preferences, or gone)");
    }
    context.message(message.toString());
  }
}
