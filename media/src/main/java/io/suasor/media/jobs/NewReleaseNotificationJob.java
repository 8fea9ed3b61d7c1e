package io.suasor.media.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.media.MediaException;
import io.suasor.media.notify.NotificationReport;
import io.suasor.media.notify.NotificationService;
import io.suasor.media.store.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

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
 * what it could. It runs daily and after each metadata refresh, which follows each media sync. A
 * run in a chain (its parameters name the finished run: {@code {"after": {"startedAt": …,
 * "endedAt": …, "after": {…the run that one followed…}}}}) notifies only the users whose libraries
 * gained items from the start of the chain's first run to the end of the run it follows; parameters
 * it cannot read leave the run to do its full work.
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
    // After the refresh that follows each sync, so that new items are told with their metadata.
    return Schedule.daily().orAfter(MetadataRefreshJob.NAME);
  }

  @Override
  public void execute(JobContext context) {
    context.result("releaseCalendar", notifications.checksReleases() ? "used" : NO_CALENDAR);
    ContextTracker tracker = new ContextTracker(context);
    Optional<SyncWindow> after = syncWindow(context);
    NotificationReport report;
    if (context.userId().isPresent()) {
      report = notifications.notifyUser(context.userId().get(), tracker);
    } else if (after.isPresent()) {
      context.result("afterSync", after.get().from() + " to " + after.get().to());
      report = notifications.notifyChanged(after.get().from(), after.get().to(), tracker);
    } else {
      report = notifications.notifyAll(tracker);
    }
    report.notes().forEach(note -> context.log().warn("notifications: {}", note));
    if (!report.notes().isEmpty()) {
      context.result("notes", report.notes());
    }
    context.message(message(report, after.isPresent() && context.userId().isEmpty()));
    if (!report.notes().isEmpty()) {
      throw new MediaException(
          "notifications were sent, but "
              + report.notes().size()
              + " parts failed: "
              + String.join("; ", report.notes()));
    }
  }

  private record SyncWindow(Instant from, Instant to) {}

  /**
   * From the start of the run that began the chain this run follows (the sync, before the metadata
   * refresh this job follows by default: {@code after.after}) to the end of the run it follows.
   */
  private static Optional<SyncWindow> syncWindow(JobContext context) {
    try {
      JsonNode after = Json.mapper().readTree(context.parameters()).path("after");
      Instant ended = Instant.parse(after.path("endedAt").asText());
      Instant started = Instant.parse(after.path("startedAt").asText());
      for (JsonNode earlier = after.path("after");
          earlier.path("startedAt").isTextual();
          earlier = earlier.path("after")) {
        Instant start = Instant.parse(earlier.path("startedAt").asText());
        started = start.isBefore(started) ? start : started;
      }
      return Optional.of(new SyncWindow(started, ended));
    } catch (JsonProcessingException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String message(NotificationReport report, boolean afterSync) {
    StringBuilder text = new StringBuilder();
    if (report.users() == 0) {
      text.append(afterSync ? "no library gained items in the sync" : "no active user to notify");
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
