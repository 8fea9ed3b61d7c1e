package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.recommend.RecommendationReport;
import io.suasor.media.recommend.RecommendationService;

/**
 * {@code system.recommendation}: once a day, every active user's recommendations (those whose
 * preferences turn them off are skipped); run by a user for themselves, only theirs. A second run
 * the same day replaces that day's recommendations. Statistics: usersRecommended,
 * recommendationsMade, usersSkipped, usersWithoutMatches, usersFailed, recommenderFallbacks (with
 * one count per reason), dismissedLeftOut, ignoredLeftOut, candidates. A run in which some users'
 * recommendations failed ends failed, naming them, after making the others'.
 */
public final class RecommendationJob implements Job {
  public static final String NAME = "system.recommendation";

  private final RecommendationService recommendations;

  public RecommendationJob(RecommendationService recommendations) {
    this.recommendations = recommendations;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobType type() {
    return JobType.RECOMMENDATION;
  }

  @Override
  public Schedule schedule() {
    return Schedule.daily();
  }

  @Override
  public void execute(JobContext context) {
    ContextTracker tracker = new ContextTracker(context);
    RecommendationReport report =
        context
            .userId()
            .map(user -> recommendations.recommendFor(user, context.runId(), tracker))
            .orElseGet(() -> recommendations.recommendAll(context.runId(), tracker));
    context.log().info("recommendations: {}", report.tasteHalfLife());
    context.result("tasteHalfLife", report.tasteHalfLife());
    report.notes().forEach(note -> context.log().warn("recommendations: {}", note));
    if (!report.notes().isEmpty()) {
      context.result("notes", report.notes());
    }
    context.message(message(report));
    if (!report.failures().isEmpty()) {
      throw new MediaException(
          report.failures().size()
              + " of "
              + report.users()
              + " users got no recommendations: "
              + String.join("; ", report.failures()));
    }
  }

  private static String message(RecommendationReport report) {
    if (report.users() == 0) {
      return "no active user to recommend for";
    }
    StringBuilder text =
        new StringBuilder()
            .append(report.recommendationsMade())
            .append(" recommendations for ")
            .append(report.usersRecommended())
            .append(report.usersRecommended() == 1 ? " user" : " users");
    if (report.usersSkipped() > 0) {
      text.append("; ").append(report.usersSkipped()).append(" turned recommendations off");
    }
    if (report.usersWithoutMatches() > 0) {
      text.append("; nothing left to recommend to ").append(report.usersWithoutMatches());
    }
    if (report.fallbacks() > 0) {
      text.append("; the built-in recommender stood in for ")
          .append(report.fallbacks())
          .append(" whose chosen one failed");
    }
    return text.toString();
  }
}
