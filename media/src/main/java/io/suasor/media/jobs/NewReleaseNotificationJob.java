package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.notify.NotificationReport;
import io.suasor.media.notify.NotificationService;

/**
 * {@code system.new.release.notification}: once a day, tells every active user (those whose
 * preferences turn notifications off are skipped) of the items new to their library and, with a
 * release calendar (TMDB) configured, of releases of the series they follow and of films; run by a
 * user for themselves, only them. A second run sends nothing again. Statistics: usersProcessed,
 * usersNotified, usersSkipped, usersFailed, notificationsCreated and per kind
 * (newItemNotifications, episodeNotifications, movieNotifications), newItemsFound, followedSeries,
 * releasesChecked, skippedOwnedOrWatched, skippedByPreferences, skippedByLimit, duplicates,
 * releaseCalendarFailures, and releaseCalendar saying whether releases were looked up. A run in
 * which a user failed or the calendar could not be asked ends failed, naming them, after sending
 * what it could.
 */
public final class NewReleaseNotificationJob implements Job {
  public static final String NAME = "system.new.release.notification";
  static final String NO_CALENDAR =
      "not configured: upcoming releases were not looked up (configure a TMDB key)";

  private final NotificationService notifications;

  public NewReleaseNotificationJob(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JobType type() {
    return JobType.NOTIFICATION;
  }

  @Override
  public Schedule schedule() {
    return Schedule.daily();
  }

  @Override
  public void execute(JobContext context) {
    context.result("releaseCalendar", notifications.checksReleases() ? "used" : NO_CALENDAR);
    ContextTracker tracker = new ContextTracker(context);
    NotificationReport report =
        context
            .userId()
            .map(user -> notifications.notifyUser(user, tracker))
            .orElseGet(() -> notifications.notifyAll(tracker));
    report.notes().forEach(note -> context.log().warn("notifications: {}", note));
    if (!report.notes().isEmpty()) {
      context.result("notes", report.notes());
    }
    context.message(message(report));
    if (!report.notes().isEmpty()) {
      throw new MediaException(
          "notifications were sent, but "
              + report.notes().size()
              + " parts failed: "
              + String.join("; ", report.notes()));
    }
  }

  private static String message(NotificationReport report) {
    StringBuilder text = new StringBuilder();
    if (report.users() == 0) {
      text.append("no active user to notify");
    } else {
      text.append(report.created())
          .append(report.created() == 1 ? " notification for " : " notifications for ")
          .append(report.usersNotified())
          .append(report.usersNotified() == 1 ? " user" : " users");
      if (report.usersSkipped() > 0) {
        text.append("; ").append(report.usersSkipped()).append(" turned notifications off");
      }
    }
    if (!report.releasesChecked()) {
      text.append("; upcoming releases not looked up: no release calendar (TMDB) is configured");
    }
    return text.toString();
  }
}
