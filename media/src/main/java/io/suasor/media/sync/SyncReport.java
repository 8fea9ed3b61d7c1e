package io.suasor.media.sync;

import io.suasor.media.source.ScanProblem;
import java.util.List;

/** What a sync did, in counts, and the problems it met (per file, with its path). */
public record SyncReport(
    int sourcesSynced,
    int sourcesFailed,
    long itemsCreated,
    long itemsUpdated,
    long itemsUnchanged,
    long itemsRemoved,
    long refsWritten,
    long refsRemoved,
    long userDataWritten,
    long playsRecorded,
    long favoritesImported,
    long playlistsChanged,
    List<ScanProblem> problems) {

  public SyncReport {
    problems = List.copyOf(problems);
  }

  /** Every row the sync wrote to the library (the sources' own sync times aside). */
  public long writes() {
    return itemsCreated
        + itemsUpdated
        + itemsRemoved
        + refsWritten
        + refsRemoved
        + userDataWritten
        + playsRecorded
        + favoritesImported
        + playlistsChanged;
  }
}
