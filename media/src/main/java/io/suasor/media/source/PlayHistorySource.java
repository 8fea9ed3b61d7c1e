package io.suasor.media.source;

import java.util.List;

public interface PlayHistorySource extends SourceClient {
  /** The owner's plays of items of this source that have a play time. */
  List<SourcePlay> playHistory(ScanProblems problems);

  /**
   * Whether the items its catalogs return already carry the owner's watch state, so that a full
   * sync, which reads changed items anyway, need not read the history again.
   */
  default boolean historyInCatalogs() {
    return false;
  }
}
