package io.suasor.media.source;

import java.util.Set;

/** A source that keeps its owner's favourites, and lets them be changed. */
public interface FavoritesSource extends SourceClient {
  /** The ids (in the source) of the owner's favourite items. */
  Set<String> favorites(ScanProblems problems);

  void setFavorite(String sourceItemId, boolean favorite);

  /**
   * Whether the items its catalogs return already carry the owner's favourite state (complete and
   * incremental listings alike), so that a full sync need not read the favourites again.
   */
  default boolean favoritesInCatalogs() {
    return false;
  }
}
