package io.suasor.media.sync;

import io.suasor.media.WorkTracker;

/**
 * One total over a whole sync run, whatever the number of sources and catalogs: each catalog adds
 * what it learns it will list, so the run's progress never starts over and ends at its total.
 */
final class SyncProgress {
  private final WorkTracker tracker;
  private long total;

  SyncProgress(WorkTracker tracker) {
    this.tracker = tracker;
  }

  void expect(long items) {
    if (items > 0) {
      total += items;
      tracker.total(total);
    }
  }

  void advance(long items) {
    if (items > 0) {
      tracker.advance(items);
    }
  }
}
