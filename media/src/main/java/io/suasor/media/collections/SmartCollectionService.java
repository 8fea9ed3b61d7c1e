package io.suasor.media.collections;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.Collection;
import io.suasor.media.model.User;
import io.suasor.media.store.CollectionItemStore;
import io.suasor.media.store.CollectionStore;
import io.suasor.media.store.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of {@code system.smart.collections}: for each user in turn, their default collections
 * when they are new ({@link DefaultCollections}), then each of their smart collections evaluated
 * afresh and its items replaced by writing only the difference, so that a second run writes
 * nothing. Cancellation is checked between users and between collections; each collection's items
 * are replaced in one transaction, so a cancelled run leaves every collection whole. Progress
 * counts users; statistics count as they go.
 */
public final class SmartCollectionService {
  /** Changed collections listed in a report; the statistics count them all. */
  public static final int MAX_LISTED = 100;

  static final List<String> KEYS =
      List.of(
          "usersProcessed",
          "collectionsEvaluated",
          "collectionsChanged",
          "itemsAdded",
          "itemsRemoved",
          "collectionsFailed",
          "usersSeeded",
          "collectionsSeeded");

  private final Clock clock;
  private final UserStore users;
  private final CollectionStore collections;
  private final CollectionItemStore items;
  private final RuleEvaluator evaluator;
  private final DefaultCollections defaults;

  public SmartCollectionService(Database database, Clock clock) {
    this.clock = clock;
    this.users = new UserStore(database);
    this.collections = new CollectionStore(database);
    this.items = new CollectionItemStore(database);
    this.evaluator = new RuleEvaluator(database);
    this.defaults = new DefaultCollections(database);
  }

  /** Every active user's smart collections. */
  public SmartCollectionReport refreshAll(WorkTracker tracker) {
    return run(users.active(), tracker);
  }

  /** One user's, as their own run does. */
  public SmartCollectionReport refreshFor(long userId, WorkTracker tracker) {
    return run(users.byId(userId).filter(User::active).stream().toList(), tracker);
  }

  /** Whose collection and when, in the user's own time zone. */
  public RuleContext context(long userId) {
    Instant now = clock.instant();
    return new RuleContext(userId, now, users.preferences(userId, now).timeZone());
  }

  /** The items the rules select for the user now, in order, without storing anything. */
  public List<Long> evaluate(SmartRules rules, long userId) {
    return evaluator.evaluate(rules, context(userId));
  }

  /** How many items the rules select for the user now, before their limit. */
  public long count(SmartRules rules, long userId) {
    return evaluator.count(rules, context(userId));
  }

  /** Evaluates one smart collection and stores its items. */
  public CollectionItemStore.Change refresh(Collection collection) {
    SmartRules rules = RuleParser.parse(collection.rules());
    RuleContext context = context(collection.userId());
    return items.replace(collection.id(), evaluator.evaluate(rules, context), context.now());
  }

  private SmartCollectionReport run(List<User> chosen, WorkTracker tracker) {
    tracker.total(chosen.size());
    KEYS.forEach(key -> tracker.stat(key, 0));
    Tally tally = new Tally(tracker);
    for (User user : chosen) {
      tracker.checkCancelled();
      tracker.message("smart collections of " + user.username());
      DefaultCollections.Outcome seeded = defaults.seed(user.id(), clock.instant());
      if (seeded.state() == DefaultCollections.State.SEEDED) {
        tally.seeded(seeded.made());
      }
      for (Collection collection : collections.smart(user.id())) {
        tracker.checkCancelled();
        try {
          tally.add(collection, refresh(collection));
        } catch (RuntimeException e) {
          tally.failed(user, collection, e);
        }
      }
      tracker.stat("usersProcessed", 1);
      tracker.advance(1);
    }
    return tally.report(chosen.size());
  }

  /** Counts collections' outcomes into the tracker's statistics and the report. */
  private static final class Tally {
    private final WorkTracker tracker;
    private int evaluated;
    private int changed;
    private long added;
    private long removed;
    private int usersSeeded;
    private int collectionsSeeded;
    private final List<CollectionChange> changes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    Tally(WorkTracker tracker) {
      this.tracker = tracker;
    }

    void seeded(int made) {
      usersSeeded++;
      collectionsSeeded += made;
      tracker.stat("usersSeeded", 1);
      tracker.stat("collectionsSeeded", made);
    }

    void add(Collection collection, CollectionItemStore.Change change) {
      evaluated++;
      tracker.stat("collectionsEvaluated", 1);
      if (!change.changed()) {
        return;
      }
      changed++;
      added += change.added();
      removed += change.removed();
      tracker.stat("collectionsChanged", 1);
      tracker.stat("itemsAdded", change.added());
      tracker.stat("itemsRemoved", change.removed());
      if (changes.size() < MAX_LISTED) {
        changes.add(
            new CollectionChange(
                collection.id(),
                collection.userId(),
                collection.name(),
                change.added(),
                change.removed(),
                change.reordered()));
      }
    }

    void failed(User user, Collection collection, RuntimeException e) {
      tracker.stat("collectionsFailed", 1);
      if (failures.size() < MAX_LISTED) {
        failures.add(
            "user "
                + user.username()
                + ", collection '"
                + collection.name()
                + "': "
                + e.getMessage());
      }
    }

    SmartCollectionReport report(int users) {
      return new SmartCollectionReport(
          users,
          evaluated,
          changed,
          added,
          removed,
          usersSeeded,
          collectionsSeeded,
          changes,
          failures);
    }
  }
}
