package io.suasor.media.collections;

import java.util.List;

/**
 * What a run of {@code system.smart.collections} did: over how many users, how many collections it
 * re-evaluated and changed, the items added and removed, each changed collection (the first {@link
 * SmartCollectionService#MAX_LISTED}), the default collections made, and the failures.
 */
public record SmartCollectionReport(
    int users,
    int collectionsEvaluated,
    int collectionsChanged,
    long itemsAdded,
    long itemsRemoved,
    int usersSeeded,
    int collectionsSeeded,
    List<CollectionChange> changes,
    List<String> failures) {
  public SmartCollectionReport {
    changes = List.copyOf(changes);
    failures = List.copyOf(failures);
  }
}
