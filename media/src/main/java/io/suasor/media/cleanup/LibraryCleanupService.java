package io.suasor.media.cleanup;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.store.CleanupStore;
import java.time.Clock;
import java.util.List;

/**
 * The work of {@code system.library.cleanup}, in an order where each step leaves nothing for an
 * earlier one: merge duplicates (parents before children, since merging two series makes their
 * seasons duplicates), then remove orphans (items no source references; a merged duplicate's
 * references went to its keeper first), then repair or remove items missing their parent, and last
 * drop users' data of items that no longer exist.
 */
public final class LibraryCleanupService {
  /** Item types by depth: a merge at one depth can only create duplicates at the next. */
  private static final List<List<String>> DEPTHS =
      List.of(
          List.of("movie", "series", "artist"),
          List.of("season", "album"),
          List.of("episode", "track"));

  private final CleanupStore store;
  private final Clock clock;
  private final int batchSize;

  public LibraryCleanupService(Database database, Clock clock, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("cleanup batchSize must be positive, was " + batchSize);
    }
    this.store = new CleanupStore(database);
    this.clock = clock;
    this.batchSize = batchSize;
  }

  public CleanupReport clean(WorkTracker tracker) {
    tracker.total(DEPTHS.size() + 3);
    long merged = 0;
    for (List<String> types : DEPTHS) {
      tracker.message("merging duplicate " + String.join(", ", types) + " items");
      for (CleanupStore.DuplicateGroup group : store.duplicates(types)) {
        tracker.checkCancelled();
        int count = store.merge(group, clock.instant());
        merged += count;
        tracker.stat("duplicatesMerged", count);
      }
      tracker.advance(1);
    }
    tracker.message("removing orphaned items");
    long orphans = deleteAll(tracker, "orphansRemoved", true);
    tracker.advance(1);
    tracker.message("repairing invalid references");
    long relinked = store.relinkEpisodes(clock.instant());
    tracker.stat("episodesRelinked", relinked);
    long invalid = deleteAll(tracker, "invalidItemsRemoved", false);
    tracker.advance(1);
    tracker.checkCancelled();
    tracker.message("removing users' data of removed items");
    long[] data = store.deleteDataOfRemovedItems(batchSize);
    tracker.stat("userDataRemoved", data[0]);
    tracker.stat("playsRemoved", data[1]);
    tracker.advance(1);
    return new CleanupReport(merged, orphans, relinked, invalid, data[0], data[1]);
  }

  private long deleteAll(WorkTracker tracker, String stat, boolean orphans) {
    long total = 0;
    while (true) {
      tracker.checkCancelled();
      List<Long> batch = orphans ? store.orphans(batchSize) : store.itemsMissingParents(batchSize);
      if (batch.isEmpty()) {
        return total;
      }
      int deleted = store.deleteItems(batch);
      total += deleted;
      tracker.stat(stat, deleted);
    }
  }
}
