package io.suasor.media.recommend;

import io.suasor.media.store.RecommendationStore;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one user must not be recommended: the titles they know (played any part of, rated or made a
 * favourite), the ones they dismissed, and the ones they were recommended and ignored (did not view
 * within the settings' {@code ignoredAfter}), for {@code ignoredFor} after that.
 */
final class Exclusions {
  final BitSet candidates;
  final Set<Long> itemIds;
  final int dismissed;
  final int ignored;

  private Exclusions(BitSet candidates, Set<Long> itemIds, int dismissed, int ignored) {
    this.candidates = candidates;
    this.itemIds = itemIds;
    this.dismissed = dismissed;
    this.ignored = ignored;
  }

  static Exclusions of(
      LibraryFeatures library,
      Taste taste,
      List<RecommendationStore.Shown> shown,
      Instant now,
      RecommenderSettings settings) {
    BitSet candidates = (BitSet) taste.known.clone();
    Set<Long> itemIds = new LinkedHashSet<>();
    for (int c = candidates.nextSetBit(0); c >= 0; c = candidates.nextSetBit(c + 1)) {
      itemIds.add(library.itemIds[c]);
    }
    Set<Long> viewed = new HashSet<>();
    Set<Long> dismissed = new HashSet<>();
    for (RecommendationStore.Shown row : shown) {
      if (row.mediaItemId() != null && row.viewed()) {
        viewed.add(row.mediaItemId());
      }
      if (row.mediaItemId() != null && row.dismissed()) {
        dismissed.add(row.mediaItemId());
      }
    }
    Instant ignoredBy = now.minus(settings.ignoredAfter());
    Instant forgottenBefore = ignoredBy.minus(settings.ignoredFor());
    Set<Long> ignored = new HashSet<>();
    for (RecommendationStore.Shown row : shown) {
      Long item = row.mediaItemId();
      if (item != null
          && !viewed.contains(item)
          && !dismissed.contains(item)
          && !row.createdAt().isAfter(ignoredBy)
          && !row.createdAt().isBefore(forgottenBefore)) {
        ignored.add(item);
      }
    }
    for (Set<Long> items : List.of(dismissed, ignored)) {
      for (long item : items) {
        itemIds.add(item);
        int candidate = library.candidateOf(item);
        if (candidate >= 0 && library.itemIds[candidate] == item) {
          candidates.set(candidate);
        }
      }
    }
    return new Exclusions(candidates, itemIds, dismissed.size(), ignored.size());
  }
}
