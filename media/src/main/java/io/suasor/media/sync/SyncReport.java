package io.suasor.media.sync;

import io.suasor.media.source.ScanProblem;
import java.util.List;

/**
 * What a sync did, in counts; the sources that failed and why; what sources were asked for but do
 * not offer; and the problems it met (per file or item, with its path or id).
 */
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
    long conflicts,
    long writtenBack,
    List<SourceFailure> failures,
    List<String> notOffered,
    List<ScanProblem> problems) {

  /** A source whose sync failed, and the reason, as its client said it. */
  public record SourceFailure(long sourceId, String sourceName, String error) {}

  public SyncReport {
    failures = List.copyOf(failures);
    notOffered = List.copyOf(notOffered);
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
