package io.suasor.media.sync;

import io.suasor.media.WorkTracker;
import io.suasor.media.source.ScanProblem;
import io.suasor.media.source.ScanProblems;
import java.util.ArrayList;
import java.util.List;

/** Counts a sync as it goes, passing each count on to the run's statistics at once. */
final class SyncTally {
  private final WorkTracker tracker;
  private final long[] counts = new long[Key.values().length];
  private final List<ScanProblem> problems = new ArrayList<>();
  private final List<SyncReport.SourceFailure> failures = new ArrayList<>();
  private final List<String> notOffered = new ArrayList<>();

  /** Named as the statistic keys they are reported under. */
  enum Key {
    sourcesSynced,
    sourcesFailed,
    itemsCreated,
    itemsUpdated,
    itemsUnchanged,
    itemsRemoved,
    refsWritten,
    refsRemoved,
    userDataWritten,
    playsRecorded,
    favoritesImported,
    playlistsChanged,
    conflicts,
    writtenBack,
    writeBackFailures
  }

  SyncTally(WorkTracker tracker) {
    this.tracker = tracker;
  }

  void add(Key key, long delta) {
    if (delta != 0) {
      counts[key.ordinal()] += delta;
      tracker.stat(key.name(), delta);
    }
  }

  void problems(ScanProblems found) {
    List<ScanProblem> list = found.list();
    problems.addAll(list);
    if (!list.isEmpty()) {
      tracker.stat("problems", list.size());
    }
  }

  void problem(String path, String problem) {
    problems.add(new ScanProblem(path, problem));
    tracker.stat("problems", 1);
  }

  void failed(SyncReport.SourceFailure failure) {
    failures.add(failure);
    add(Key.sourcesFailed, 1);
  }

  /** A source was asked for something it does not have, e.g. "Music (subsonic): movies". */
  void notOffered(String what) {
    notOffered.add(what);
    tracker.stat("notOffered", 1);
  }

  SyncReport report() {
    return new SyncReport(
        (int) get(Key.sourcesSynced),
        (int) get(Key.sourcesFailed),
        get(Key.itemsCreated),
        get(Key.itemsUpdated),
        get(Key.itemsUnchanged),
        get(Key.itemsRemoved),
        get(Key.refsWritten),
        get(Key.refsRemoved),
        get(Key.userDataWritten),
        get(Key.playsRecorded),
        get(Key.favoritesImported),
        get(Key.playlistsChanged),
        get(Key.conflicts),
        get(Key.writtenBack),
        failures,
        notOffered,
        problems);
  }

  long get(Key key) {
    return counts[key.ordinal()];
  }
}
