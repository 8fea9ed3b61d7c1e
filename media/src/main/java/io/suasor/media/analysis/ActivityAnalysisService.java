package io.suasor.media.analysis;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.ActivityProfile;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.User;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.ItemSummaryStore;
import io.suasor.media.store.Json;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The work of {@code system.user.activity.analysis}: each user's {@link ActivityDocument profile}
 * from their play history and the items it touches, stored in place of their previous one. A user
 * whose job preferences turn the analysis off is skipped. The history is read a page at a time, so
 * a long one needs no more memory than a short one; the profile is written whole at the end, so a
 * cancelled run leaves each user either their new profile or their old one.
 */
public final class ActivityAnalysisService {
  static final String USERS_ANALYSED = "usersAnalysed";
  static final String USERS_SKIPPED = "usersSkipped";
  static final String PLAYS_COUNTED = "playsCounted";

  private final UserStore users;
  private final UserDataStore userData;
  private final ItemSummaryStore items;
  private final ActivityProfileStore profiles;
  private final Clock clock;
  private final AnalysisSettings settings;

  public ActivityAnalysisService(Database database, Clock clock, AnalysisSettings settings) {
    this.users = new UserStore(database);
    this.userData = new UserDataStore(database);
    this.items = new ItemSummaryStore(database);
    this.profiles = new ActivityProfileStore(database);
    this.clock = clock;
    this.settings = settings;
  }

  /** Analyses every active user, in id order, checking for cancellation between users. */
  public AnalysisReport analyseActiveUsers(WorkTracker tracker) {
    return analyse(users.active().stream().map(User::id).toList(), tracker);
  }

  /** Analyses one user, as a user's own run does. */
  public AnalysisReport analyseUser(long userId, WorkTracker tracker) {
    return analyse(List.of(userId), tracker);
  }

  private AnalysisReport analyse(List<Long> userIds, WorkTracker tracker) {
    tracker.total(userIds.size());
    for (String key : List.of(USERS_ANALYSED, USERS_SKIPPED, PLAYS_COUNTED)) {
      tracker.stat(key, 0);
    }
    int analysed = 0;
    int skipped = 0;
    long plays = 0;
    for (long userId : userIds) {
      tracker.checkCancelled();
      Optional<ActivityProfile> profile = analyseOne(userId, tracker);
      if (profile.isPresent()) {
        analysed++;
        plays += profile.get().playsCounted();
        tracker.stat(USERS_ANALYSED, 1);
        tracker.stat(PLAYS_COUNTED, profile.get().playsCounted());
      } else {
        skipped++;
        tracker.stat(USERS_SKIPPED, 1);
      }
      tracker.advance(1);
    }
    return new AnalysisReport(analysed, skipped, plays);
  }

  /** The user's new profile, stored; empty when the user is gone or turned the analysis off. */
  private Optional<ActivityProfile> analyseOne(long userId, WorkTracker tracker) {
    if (users.byId(userId).isEmpty()) {
      tracker.message("user " + userId + " no longer exists; skipped");
      return Optional.empty();
    }
    JobPreferences preferences = users.preferences(userId, clock.instant());
    if (!preferences.analysisEnabled()) {
      tracker.message("user " + userId + " turned the activity analysis off; skipped");
      return Optional.empty();
    }
    tracker.message("analysing the plays of user " + userId);
    PreviousProfile previous = PreviousProfile.of(profiles.get(userId));
    ActivityTally tally = tally(userId, preferences.timeZone(), tracker);
    ActivityDocument document =
        tally.finish(userData.completion(userId, ActivityTally.FINISHED_PERCENT), previous);
    ActivityProfile profile =
        new ActivityProfile(userId, Json.write(document), clock.instant(), tally.plays());
    profiles.save(profile);
    return Optional.of(profile);
  }

  private ActivityTally tally(long userId, ZoneId zone, WorkTracker tracker) {
    ActivityTally tally = new ActivityTally(zone);
    PlayedItems played = new PlayedItems(items, settings.itemCache());
    PlayEvent last = null;
    while (true) {
      List<PlayEvent> page = userData.historyAfter(userId, last, settings.historyPage());
      Map<Long, PlayedItem> pageItems =
          played.resolve(page.stream().map(PlayEvent::itemId).collect(Collectors.toSet()));
      page.forEach(play -> tally.add(play, pageItems.get(play.itemId())));
      if (page.size() < settings.historyPage()) {
        return tally;
      }
      last = page.get(page.size() - 1);
      tracker.checkCancelled();
    }
  }
}
