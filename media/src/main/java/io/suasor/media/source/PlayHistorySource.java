package io.suasor.media.source;

import java.util.List;

public interface PlayHistorySource extends SourceClient {
  /** The owner's plays of items of this source that have a play time. */
  List<SourcePlay> playHistory(ScanProblems problems);
}
