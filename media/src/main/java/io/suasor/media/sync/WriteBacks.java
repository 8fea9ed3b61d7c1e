package io.suasor.media.sync;

import io.suasor.media.MediaException;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.store.SourceDataWriter;
import io.suasor.media.store.SourceDataWriter.Pending;
import io.suasor.media.store.SourceDataWriter.WriteBack;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.util.List;

/**
 * Writes to a source the owner's states that changed in Suasor or through another source since the
 * source last said them (a favourite set in Plex reaches Jellyfin). An item the source refuses is
 * counted and reported, and the others go on; it is tried again at the next sync.
 */
final class WriteBacks {
  /** Failed write-backs reported one by one; past this only counted. */
  private static final int REPORTED_FAILURES = 20;

  private final SourceDataWriter dataWriter;
  private final Clock clock;

  WriteBacks(SourceDataWriter dataWriter, Clock clock) {
    this.dataWriter = dataWriter;
    this.clock = clock;
  }

  /** Writes one item's state to the source. */
  interface Writer {
    void write(String sourceItemId, boolean value);
  }

  void run(
      MediaSource source, WriteBack kind, Writer writer, WorkTracker tracker, SyncTally tally) {
    List<Pending> pending = dataWriter.pending(source.id(), source.userId(), kind);
    int failures = 0;
    for (Pending item : pending) {
      tracker.checkCancelled();
      try {
        writer.write(item.sourceItemId(), item.value());
        dataWriter.wroteBack(source.id(), item.sourceItemId(), kind, item.value(), clock.instant());
        tally.add(Key.writtenBack, 1);
      } catch (MediaException e) {
        tally.add(Key.writeBackFailures, 1);
        if (++failures <= REPORTED_FAILURES) {
          tally.problem(
              item.sourceItemId(),
              "could not write "
                  + kind.name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + item.value()
                  + " to "
                  + source.name()
                  + ": "
                  + e.getMessage());
        }
      }
    }
  }
}
