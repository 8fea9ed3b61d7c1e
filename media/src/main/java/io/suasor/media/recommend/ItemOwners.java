package io.suasor.media.recommend;

import java.util.Arrays;

/**
 * For every item of the library (sorted by id), the candidate it counts for in a user's taste and
 * the artist candidate a track or album also counts for; found by binary search, so that 100,000
 * items take two int arrays and no map.
 */
final class ItemOwners {
  private final long[] itemIds;
  private final int[] owners;
  private final int[] artists;

  ItemOwners(long[] itemIds, int[] owners, int[] artists) {
    for (int i = 1; i < itemIds.length; i++) {
      if (itemIds[i] <= itemIds[i - 1]) {
        throw new IllegalArgumentException("item ids must be sorted and distinct");
      }
    }
    this.itemIds = itemIds;
    this.owners = owners;
    this.artists = artists;
  }

  int candidateOf(long itemId) {
    int at = Arrays.binarySearch(itemIds, itemId);
    return at < 0 ? -1 : owners[at];
  }

  int artistOf(long itemId) {
    int at = Arrays.binarySearch(itemIds, itemId);
    return at < 0 ? -1 : artists[at];
  }
}
