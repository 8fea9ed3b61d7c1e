package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.collections.SmartCollectionReport;
import io.suasor.media.collections.SmartCollectionService;

/**
 * {@code system.smart.collections}: once a day, every active user's smart collections re-evaluated
 * (and a new user's default ones made from their activity); run by a user for themselves, only
 * theirs. A second run changes nothing unless the library or the user's data did. Statistics:
 * usersProcessed, collectionsEvaluated, collectionsChanged, itemsAdded, itemsRemoved,
 * collectionsFailed, usersSeeded, collectionsSeeded, and {@code collections}: each changed
 * collection with its items added and removed. A run in which some collections failed ends failed,
 * naming them, after evaluating the others.
 */
public final class SmartCollectionJob implements Job {
  public static final String NAME = "system.smart.collections";

  private final SmartCollectionService collections;

  public SmartCollectionJob(SmartCollectionService collections) {
    this.collections = collections;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobType type() {
    // Not SYSTEM: a user may run it for their own collections, as after editing rules.
    return JobType.USER;
  }

  @Override
  public Schedule schedule() {
    // After the refresh that follows each sync: new items and their genres and people count.
    return Schedule.daily().orAfter(MetadataRefreshJob.NAME);
  }

  @Override
  public void execute(JobContext context) {
    ContextTracker tracker = new ContextTracker(context);
    SmartCollectionReport report =
        context
            .userId()
            .map(user -> collections.refreshFor(user, tracker))
            .orElseGet(() -> collections.refreshAll(tracker));
    context.result("collections", report.changes());
    context.message(message(report));
    if (!report.failures().isEmpty()) {
      throw new MediaException(
          report.failures().size()
              + " smart collections could not be evaluated: "
              + String.join("; ", report.failures()));
    }
  }

  private static String message(SmartCollectionReport report) {
    if (report.users() == 0) {
      return "no active user";
    }
    StringBuilder text =
        new StringBuilder()
            .append(report.collectionsEvaluated())
            .append(" smart collections of ")
            .append(report.users())
            .append(report.users() == 1 ? " user" : " users")
            .append(" evaluated; ")
            .append(report.collectionsChanged())
            .append(" changed (")
            .append(report.itemsAdded())
            .append(" items added, ")
            .append(report.itemsRemoved())
            .append(" removed)");
    if (report.usersSeeded() > 0) {
      text.append("; ")
          .append(report.collectionsSeeded())
          .append(" default collections made for ")
          .append(report.usersSeeded())
          .append(report.usersSeeded() == 1 ? " new user" : " new users");
    }
    return text.toString();
  }
}
