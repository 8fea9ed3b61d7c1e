package io.suasor.media.source;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A source that keeps its owner's favourites, and lets them be changed. */
public interface FavoritesSource extends SourceClient {
  /** The ids (in the source) of the owner's favourite items. */
  Set<String> favorites(ScanProblems problems);

  /**
   * The owner's favourites, each with when it became one by the source's own clock, or null where
   * the source keeps no such time (then Suasor dates the change by when it first saw it).
   */
  default Map<String, Instant> favoriteTimes(ScanProblems problems) {
    Map<String, Instant> times = new LinkedHashMap<>();
    favorites(problems).forEach(id -> times.put(id, null));
    return times;
  }

  void setFavorite(String sourceItemId, boolean favorite);

  /**
   * Whether the items its catalogs return already carry the owner's favourite state (complete and
   * incremental listings alike), so that a full sync need not read the favourites again.
   */
  default boolean favoritesInCatalogs() {
    return false;
  }
}
