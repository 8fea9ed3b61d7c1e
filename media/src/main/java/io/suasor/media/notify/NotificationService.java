package io.suasor.media.notify;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.Notification;
import io.suasor.media.model.User;
import io.suasor.media.store.NewNotification;
import io.suasor.media.store.NotificationDelivery;
import io.suasor.media.store.NotificationFacts;
import io.suasor.media.store.NotificationFacts.Described;
import io.suasor.media.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells users of new releases, as {@code system.new.release.notification} runs it. For each user
 * whose preferences allow notifications, in turn (between users, and between the series of one
 * user, the work may be cancelled): (a) the items their sources gained since their watermark,
 * grouped by series and album; (b) with a {@link ReleaseCalendar}, episodes of the series they
 * follow and films, released lately or coming soon, that they neither own nor watched. The
 * candidates their preferences allow are sent most wanted first, within their daily limit counted
 * in their time zone, each thing once (by key), in one transaction per user that also moves their
 * watermark. Statistics count as they go, so that a cancelled run keeps them.
 */
public final class NotificationService {
  static final int MAX_NOTES = 100;
  static final List<String> STATISTICS =
      List.of(
          "usersProcessed",
          "usersNotified",
          "usersSkipped",
          "usersFailed",
          "notificationsCreated",
          "newItemNotifications",
          "episodeNotifications",
          "movieNotifications",
          "newItemsFound",
          "followedSeries",
          "releasesChecked",
          "skippedOwnedOrWatched",
          "skippedByPreferences",
          "skippedByLimit",
          "duplicates",
          "releaseCalendarFailures");

  private final Clock clock;
  private final NotificationSettings settings;
  private final Optional<ReleaseCalendar> calendar;
  private final UserStore users;
  private final NotificationFacts facts;
  private final NotificationDelivery delivery;
  private final LibraryNews library;

  public NotificationService(
      Database database,
      Clock clock,
      NotificationSettings settings,
      Optional<ReleaseCalendar> calendar) {
    this.clock = clock;
    this.settings = settings;
    this.calendar = calendar;
    this.users = new UserStore(database);
    this.facts = new NotificationFacts(database);
    this.delivery = new NotificationDelivery(database);
    this.library = new LibraryNews(facts, settings);
  }

  /** Whether upcoming releases are looked up (a release calendar is configured). */
  public boolean checksReleases() {
    return calendar.isPresent();
  }

  /** Every active user's notifications (those whose preferences turn them off are skipped). */
  public NotificationReport notifyAll(WorkTracker tracker) {
    return run(users.active(), tracker);
  }

  /**
   * The notifications of the active users whose libraries gained items between {@code from} and
   * {@code to}, as a run that follows a media sync makes them: the others have nothing new in their
   * libraries, and their releases wait for the daily run.
   */
  public NotificationReport notifyChanged(Instant from, Instant to, WorkTracker tracker) {
    Set<Long> changed = facts.usersWithItemsAdded(from, to);
    return run(
        users.active().stream().filter(user -> changed.contains(user.id())).toList(), tracker);
  }

  /** One user's notifications, as a user's own run makes them. */
  public NotificationReport notifyUser(long userId, WorkTracker tracker) {
    return run(users.byId(userId).filter(User::active).stream().toList(), tracker);
  }

  private NotificationReport run(List<User> chosen, WorkTracker tracker) {
    tracker.total(chosen.size());
    STATISTICS.forEach(key -> tracker.stat(key, 0));
    Optional<ReleaseNews> releases = calendar.map(found -> new ReleaseNews(found, facts, settings));
    Set<String> notes = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    int notified = 0;
    int skipped = 0;
    long created = 0;
    for (User user : chosen) {
      tracker.checkCancelled();
      tracker.message("notifying " + user.username());
      try {
        Optional<Outcome> outcome = notify(user, releases, tracker);
        if (outcome.isEmpty()) {
          skipped++;
          tracker.stat("usersSkipped", 1);
        } else {
          tracker.stat("usersProcessed", 1);
          created += outcome.get().created();
          if (outcome.get().created() > 0) {
            notified++;
            tracker.stat("usersNotified", 1);
          }
          outcome.get().calendarFailures().forEach(notes::add);
        }
      } catch (RuntimeException e) {
        // Cancelled inside the user's work: the run stops, it did not fail.
        if (tracker.cancelled()) {
          throw e;
        }
        tracker.stat("usersFailed", 1);
        failures.add("user " + user.username() + ": " + e.getMessage());
      }
      tracker.advance(1);
    }
    tracker.stat("releaseCalendarFailures", notes.size());
    List<String> lines = new ArrayList<>(notes);
    lines.addAll(failures);
    return new NotificationReport(
        chosen.size(),
        notified,
        skipped,
        created,
        calendar.isPresent(),
        lines.subList(0, Math.min(lines.size(), MAX_NOTES)),
        failures);
  }

  /** One user's run: how many were sent, and the calendar answers that failed. */
  private record Outcome(int created, List<String> calendarFailures) {}

  private Optional<Outcome> notify(User user, Optional<ReleaseNews> releases, WorkTracker tracker) {
    Instant now = clock.instant();
    JobPreferences preferences = users.preferences(user.id(), now);
    if (!preferences.notificationsEnabled()) {
      return Optional.empty();
    }
    ZoneId zone = preferences.timeZone();
    LocalDate today = now.atZone(zone).toLocalDate();
    List<Described> followed =
        facts.followedSeries(
            user.id(), now.minus(settings.followWindow()), settings.maxFollowedSeries());
    tracker.stat("followedSeries", followed.size());
    Set<Long> followedIds = followed.stream().map(Described::id).collect(Collectors.toSet());
    Instant after =
        delivery
            .watermark(user.id())
            .map(mark -> mark.minus(settings.settleMargin()))
            .orElse(now.minus(settings.firstRunLookback()));
    LibraryNews.Found gained = library.find(user.id(), after, now, followedIds, now);
    tracker.stat("newItemsFound", gained.items().size());
    List<Candidate> candidates = new ArrayList<>(gained.candidates());
    List<String> calendarFailures = List.of();
    if (releases.isPresent()) {
      ReleaseNews.Found found = releases.get().find(user.id(), followed, today, zone, tracker);
      candidates.addAll(found.candidates());
      tracker.stat("releasesChecked", found.checked());
      tracker.stat("skippedOwnedOrWatched", found.ownedOrWatched());
      calendarFailures = found.failures();
    }
    PreferenceMatch match = new PreferenceMatch(preferences);
    List<NewNotification> wanted =
        candidates.stream()
            .filter(match::wants)
            .sorted(match.order())
            .map(Candidate::note)
            .toList();
    tracker.stat("skippedByPreferences", candidates.size() - wanted.size());
    NotificationDelivery.Delivered delivered =
        delivery.deliver(
            user.id(),
            new NotificationDelivery.Delivery(
                now,
                today.atStartOfDay(zone).toInstant(),
                preferences.maxNotificationsPerDay(),
                wanted,
                now,
                gained.items(),
                now.minus(settings.settleMargin())));
    for (Notification note : delivered.created()) {
      tracker.stat(Candidate.statistic(note.kind()), 1);
    }
    tracker.stat("notificationsCreated", delivered.created().size());
    tracker.stat("skippedByLimit", delivered.skippedByLimit());
    tracker.stat("duplicates", delivered.duplicates());
    return Optional.of(new Outcome(delivered.created().size(), calendarFailures));
  }
}
