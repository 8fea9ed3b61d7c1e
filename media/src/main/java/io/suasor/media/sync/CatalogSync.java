package io.suasor.media.sync;

import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import io.suasor.media.store.CatalogWriter;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.RefStore.RefState;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synchronises one catalog of one source: writes only the items whose fingerprint changed, in
 * batches, and after a complete listing removes what the listing no longer holds. A listed catalog
 * (local folders) is listed, then its changed entries read; a paged catalog (a media server) is
 * streamed page by page, so memory does not grow with the library. Cancelled between batches, it
 * stops before removing anything, since a listing it did not finish proves nothing gone.
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

  /** Lists a local catalog completely and writes what changed. */
  void run(
      MediaSource source,
      Catalog catalog,
      WorkTracker tracker,
      SyncProgress progress,
      SyncTally tally) {
    ScanProblems problems = new ScanProblems();
    try {
      List<SourceEntry> entries = catalog.entries(problems);
      Map<String, RefState> states = refs.states(source.id(), catalog.types());
      Map<String, Long> known = known(states);
      List<SourceEntry> changed = new ArrayList<>();
      for (SourceEntry entry : entries) {
        RefState state = states.get(entry.id());
        if (state == null || !state.fingerprint().equals(entry.fingerprint())) {
          changed.add(entry);
        }
      }
      progress.expect(entries.size());
      progress.advance(entries.size() - changed.size());
      tally.add(Key.itemsUnchanged, entries.size() - changed.size());
      for (int from = 0; from < changed.size(); from += settings.batchSize()) {
        tracker.checkCancelled();
        List<SourceEntry> batch =
            changed.subList(from, Math.min(changed.size(), from + settings.batchSize()));
        List<SourceItem> items = new ArrayList<>(batch.size());
        for (SourceEntry entry : batch) {
          catalog.read(entry, problems).ifPresent(items::add);
        }
        write(source, items, known, states, problems, tally);
        progress.advance(batch.size());
      }
      tracker.checkCancelled();
      Set<String> listed = new HashSet<>();
      entries.forEach(entry -> listed.add(entry.id()));
      removeGone(source, catalog.types(), listed, states, tally);
    } finally {
      tally.problems(problems);
    }
  }

  /**
   * Streams a media server's catalog: everything when {@code changedSince} is null (then removes
   * what it no longer lists), else only what changed since. Returns where the next incremental
   * listing starts.
   */
  Instant run(
      MediaSource source,
      PagedCatalog catalog,
      Instant changedSince,
      WorkTracker tracker,
      SyncProgress progress,
      SyncTally tally) {
    boolean complete = changedSince == null;
    ScanProblems problems = new ScanProblems();
    // A complete listing compares with every reference (it must find the missing ones); an
    // incremental one looks up only the references of the items it is handed.
    Map<String, RefState> states =
        complete ? refs.states(source.id(), catalog.types()) : new HashMap<>();
    Map<String, Long> known = known(states);
    Set<String> listed = new HashSet<>();
    try {
      Instant next =
          catalog.list(
              changedSince,
              problems,
              new PagedCatalog.Pages() {
                @Override
                public void expect(long items) {
                  progress.expect(items);
                }

                @Override
                public void page(List<SourceItem> items) {
                  tracker.checkCancelled();
                  if (!complete) {
                    lookUp(source.id(), items, states, known);
                  }
                  List<SourceItem> changed = new ArrayList<>();
                  for (SourceItem item : items) {
                    listed.add(item.id());
                    RefState state = states.get(item.id());
                    if (state == null || !state.fingerprint().equals(item.entry().fingerprint())) {
                      changed.add(item);
                    }
                  }
                  tally.add(Key.itemsUnchanged, items.size() - changed.size());
                  for (int from = 0; from < changed.size(); from += settings.batchSize()) {
                    write(
                        source,
                        changed.subList(
                            from, Math.min(changed.size(), from + settings.batchSize())),
                        known,
                        states,
                        problems,
                        tally);
                  }
                  progress.advance(items.size());
                }
              });
      tracker.checkCancelled();
      if (complete) {
        removeGone(source, catalog.types(), listed, states, tally);
      }
      return next;
    } finally {
      tally.problems(problems);
    }
  }

  /** Adds the stored references of a page's items and of their parents not looked up yet. */
  private void lookUp(
      long sourceId,
      List<SourceItem> items,
      Map<String, RefState> states,
      Map<String, Long> known) {
    Set<String> wanted = new HashSet<>();
    for (SourceItem item : items) {
      for (String id : new String[] {item.id(), item.parentId(), item.seriesId()}) {
        if (id != null && !known.containsKey(id)) {
          wanted.add(id);
        }
      }
    }
    if (!wanted.isEmpty()) {
      Map<String, RefState> found = refs.states(sourceId, wanted);
      states.putAll(found);
      found.forEach((id, state) -> known.put(id, state.itemId()));
    }
  }

  private void write(
      MediaSource source,
      List<SourceItem> items,
      Map<String, Long> known,
      Map<String, RefState> states,
      ScanProblems problems,
      SyncTally tally) {
    CatalogWriter.BatchResult result =
        writer.write(source.id(), source.userId(), items, known, states, problems, clock.instant());
    tally.add(Key.itemsCreated, result.created());
    tally.add(Key.itemsUpdated, result.updated());
    tally.add(Key.itemsUnchanged, result.unchanged());
    tally.add(Key.refsWritten, result.refsWritten());
    tally.add(Key.userDataWritten, result.dataWritten());
    tally.add(Key.playsRecorded, result.playsRecorded());
    tally.add(Key.conflicts, result.conflicts());
  }

  private static Map<String, Long> known(Map<String, RefState> states) {
    Map<String, Long> known = new HashMap<>();
    states.forEach((id, state) -> known.put(id, state.itemId()));
    return known;
  }

  private void removeGone(
      MediaSource source,
      Set<MediaType> types,
      Set<String> listed,
      Map<String, RefState> states,
      SyncTally tally) {
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
