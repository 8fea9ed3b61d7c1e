package io.suasor.media.sync;

import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.FavoritesSource;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.SourceDataWriter;
import io.suasor.media.store.SourceDataWriter.WriteBack;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.time.Instant;

/**
 * The two halves of keeping a source's favourites and its owner's in step, shared by the media sync
 * (which does both for one source in turn) and the favourites sync (which reads every source of a
 * user before writing any, so that a change in the last one read still reaches the first).
 */
final class FavoritesExchange {
  private final RefStore refs;
  private final SourceDataWriter dataWriter;
  private final WriteBacks writeBacks;

  FavoritesExchange(RefStore refs, SourceDataWriter dataWriter, Clock clock) {
    this.refs = refs;
    this.dataWriter = dataWriter;
    this.writeBacks = new WriteBacks(dataWriter, clock);
  }

  /**
   * Reads the source's favourites into its owner's data, the newest change winning where the
   * owner's state also changed elsewhere (counted as conflicts).
   */
  void read(
      MediaSource source,
      FavoritesSource favorites,
      WorkTracker tracker,
      SyncTally tally,
      Instant now) {
    tracker.checkCancelled();
    ScanProblems problems = new ScanProblems();
    int[] applied =
        dataWriter.applyFavorites(
            source.id(),
            source.userId(),
            favorites.favoriteTimes(problems),
            refs.states(source.id()),
            problems,
            now);
    tally.add(Key.favoritesImported, applied[0]);
    tally.add(Key.conflicts, applied[1]);
    tally.problems(problems);
  }

  /** Writes to the source the owner's favourites it does not hold yet, for the items it has. */
  void writeBack(
      MediaSource source, FavoritesSource favorites, WorkTracker tracker, SyncTally tally) {
    writeBacks.run(source, WriteBack.FAVORITE, favorites::setFavorite, tracker, tally);
  }
}
