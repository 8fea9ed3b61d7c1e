package io.suasor.media.collections;

/** What one run did to one smart collection, as the run's statistics list it. */
public record CollectionChange(
    long collectionId, long userId, String name, int added, int removed, boolean reordered) {}
