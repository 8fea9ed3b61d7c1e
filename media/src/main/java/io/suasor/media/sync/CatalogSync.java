package io.suasor.media.sync;

import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import io.suasor.media.store.CatalogWriter;
import io.suasor.media.store.RefStore;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synchronises one catalog of one source: lists it, reads only the entries whose fingerprint
 * changed, writes them in batches, and then removes what the listing no longer holds. Cancelled
 * between batches, it stops before removing anything, since a listing it did not finish writing
 * proves nothing gone.
 */
final class CatalogSync {
  private final RefStore refs;
  private final CatalogWriter writer;
  private final Clock clock;
  private final SyncSettings settings;

  CatalogSync(RefStore refs, CatalogWriter writer, Clock clock, SyncSettings settings) {
    this.refs = refs;
    this.writer = writer;
    this.clock = clock;
    this.settings = settings;
  }

  void run(MediaSource source, Catalog catalog, WorkTracker tracker, SyncTally tally) {
    ScanProblems problems = new ScanProblems();
    try {
      List<SourceEntry> entries = catalog.entries(problems);
      Map<String, RefStore.RefState> states = refs.states(source.id(), catalog.types());
      Map<String, Long> known = new HashMap<>();
      states.forEach((id, state) -> known.put(id, state.itemId()));
      List<SourceEntry> changed = new ArrayList<>();
      for (SourceEntry entry : entries) {
        RefStore.RefState state = states.get(entry.id());
        if (state == null || !state.fingerprint().equals(entry.fingerprint())) {
          changed.add(entry);
        }
      }
      tracker.total(entries.size());
      tracker.advance(entries.size() - changed.size());
      tally.add(Key.itemsUnchanged, entries.size() - changed.size());
      for (int from = 0; from < changed.size(); from += settings.batchSize()) {
        tracker.checkCancelled();
        List<SourceEntry> batch =
            changed.subList(from, Math.min(changed.size(), from + settings.batchSize()));
        writeBatch(source, catalog, batch, known, problems, tally);
        tracker.advance(batch.size());
      }
      tracker.checkCancelled();
      removeGone(source, catalog.types(), entries, states, tally);
    } finally {
      tally.problems(problems);
    }
  }

  private void writeBatch(
      MediaSource source,
      Catalog catalog,
      List<SourceEntry> batch,
      Map<String, Long> known,
      ScanProblems problems,
      SyncTally tally) {
    List<SourceItem> items = new ArrayList<>(batch.size());
    for (SourceEntry entry : batch) {
      catalog.read(entry, problems).ifPresent(items::add);
    }
    CatalogWriter.BatchResult result =
        writer.write(source.id(), source.userId(), items, known, problems, clock.instant());
    tally.add(Key.itemsCreated, result.created());
    tally.add(Key.itemsUpdated, result.updated());
    tally.add(Key.itemsUnchanged, result.unchanged());
    tally.add(Key.refsWritten, result.refsWritten());
    tally.add(Key.userDataWritten, result.dataWritten());
    tally.add(Key.playsRecorded, result.playsRecorded());
  }

  private void removeGone(
      MediaSource source,
      Set<MediaType> types,
      List<SourceEntry> entries,
      Map<String, RefStore.RefState> states,
      SyncTally tally) {
    Set<String> listed = new HashSet<>();
    entries.forEach(entry -> listed.add(entry.id()));
    Map<String, MediaType> gone = new HashMap<>();
    states.forEach(
        (id, state) -> {
          if (types.contains(state.type()) && !listed.contains(id)) {
            gone.put(id, state.type());
          }
        });
    if (gone.isEmpty()) {
      return;
    }
    CatalogWriter.RemovalResult removed = writer.remove(source.id(), gone, settings.batchSize());
    tally.add(Key.refsRemoved, removed.refsRemoved());
    tally.add(Key.itemsRemoved, removed.itemsRemoved());
  }
}
