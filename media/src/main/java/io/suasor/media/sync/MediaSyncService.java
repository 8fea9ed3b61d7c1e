package io.suasor.media.sync;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaException;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.FavoritesSource;
import io.suasor.media.source.MovieSource;
import io.suasor.media.source.MusicSource;
import io.suasor.media.source.PlayHistorySource;
import io.suasor.media.source.PlaylistSource;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SeriesSource;
import io.suasor.media.source.SourceClient;
import io.suasor.media.source.SourceClients;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.store.CatalogWriter;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.SourceDataWriter;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of {@code system.media.sync}: synchronises sources into the library, incrementally. A
 * source that fails is reported and the others go on; a cancellation stops at the next batch.
 */
public final class MediaSyncService {
  private final SourceStore sources;
  private final RefStore refs;
  private final SourceDataWriter dataWriter;
  private final SourceClients clients;
  private final Clock clock;
  private final CatalogSync catalogSync;

  public MediaSyncService(
      Database database,
      SourceStore sources,
      SourceClients clients,
      Clock clock,
      SyncSettings settings) {
    this.sources = sources;
    this.refs = new RefStore(database);
    this.dataWriter = new SourceDataWriter(database);
    this.clients = clients;
    this.clock = clock;
    this.catalogSync = new CatalogSync(refs, new CatalogWriter(database), clock, settings);
  }

  /** Every enabled source whose sync interval has passed, fully. */
  public SyncReport syncDue(WorkTracker tracker) {
    return syncEach(sources.due(clock.instant()), SyncType.FULL, tracker);
  }

  /** Every enabled source, due or not (the original's full sync). */
  public SyncReport syncAll(SyncType type, WorkTracker tracker) {
    return syncEach(sources.all().stream().filter(MediaSource::enabled).toList(), type, tracker);
  }

  /** Every enabled source of one user, due or not: a user's own full sync. */
  public SyncReport syncAllOf(long userId, SyncType type, WorkTracker tracker) {
    return syncEach(
        sources.byUser(userId).stream().filter(MediaSource::enabled).toList(), type, tracker);
  }

  public SyncReport syncSource(long sourceId, SyncType type, WorkTracker tracker) {
    return syncEach(List.of(source(sourceId)), type, tracker);
  }

  /** As {@link #syncSource}, for a run on behalf of a user, who may sync only their own sources. */
  public SyncReport syncSourceOf(long userId, long sourceId, SyncType type, WorkTracker tracker) {
    MediaSource source = source(sourceId);
    if (source.userId() != userId) {
      throw new MediaException("source " + sourceId + " is not a source of user " + userId);
    }
    return syncEach(List.of(source), type, tracker);
  }

  private MediaSource source(long sourceId) {
    return sources.byId(sourceId).orElseThrow(() -> new MediaException("no source " + sourceId));
  }

  private SyncReport syncEach(List<MediaSource> due, SyncType type, WorkTracker tracker) {
    SyncTally tally = new SyncTally(tracker);
    for (MediaSource source : due) {
      tracker.checkCancelled();
      tracker.message("syncing " + type.value() + " of source " + source.name());
      Instant started = clock.instant();
      try {
        syncOne(source, type, tracker, tally);
        sources.markSynced(source.id(), started);
        tally.add(Key.sourcesSynced, 1);
      } catch (RuntimeException e) {
        if (e instanceof WorkCancelledException || tracker.cancelled()) {
          throw e;
        }
        // One broken source (unmounted folder, unreachable server) must not stop the others.
        tally.add(Key.sourcesFailed, 1);
        tally.problem("source " + source.id() + " (" + source.name() + ")", e.getMessage());
      }
    }
    return tally.report();
  }

  private void syncOne(MediaSource source, SyncType type, WorkTracker tracker, SyncTally tally) {
    SourceClient client = clients.open(source);
    if (type.includes(SyncType.MOVIES) && client instanceof MovieSource movies) {
      catalogSync.run(source, (Catalog) movies.movies(), tracker, tally);
    }
    if (type.includes(SyncType.SERIES) && client instanceof SeriesSource series) {
      catalogSync.run(source, (Catalog) series.series(), tracker, tally);
    }
    if (type.includes(SyncType.MUSIC) && client instanceof MusicSource music) {
      catalogSync.run(source, (Catalog) music.music(), tracker, tally);
    }
    // The source's item ids by source id: read at most once, and only when history or favourites
    // need them, since on a large unchanged library this read is a good part of a repeated sync.
    Map<String, Long> known = new HashMap<>();
    boolean[] loaded = {false};
    Runnable loadKnown =
        () -> {
          if (!loaded[0]) {
            refs.states(source.id()).forEach((id, state) -> known.put(id, state.itemId()));
            loaded[0] = true;
          }
        };
    Instant now = clock.instant();
    if (client instanceof PlayHistorySource history
        && (type == SyncType.HISTORY || (type == SyncType.FULL && !history.historyInCatalogs()))) {
      tracker.checkCancelled();
      ScanProblems problems = new ScanProblems();
      loadKnown.run();
      int[] written =
          dataWriter.recordPlays(
              source.id(), source.userId(), history.playHistory(problems), known, problems, now);
      tally.add(Key.userDataWritten, written[0]);
      tally.add(Key.playsRecorded, written[1]);
      tally.problems(problems);
    }
    if (type.includes(SyncType.FAVORITES) && client instanceof FavoritesSource favorites) {
      tracker.checkCancelled();
      loadKnown.run();
      tally.add(
          Key.favoritesImported,
          dataWriter.importFavorites(
              source.userId(), favorites.favorites(new ScanProblems()), known, now));
    }
    if (type.includes(SyncType.PLAYLISTS) && client instanceof PlaylistSource playlists) {
      ScanProblems problems = new ScanProblems();
      for (SourcePlaylist playlist : playlists.playlists(problems)) {
        tracker.checkCancelled();
        // A playlist needs only its own entries' items: look those up, not the whole source.
        Map<String, Long> entries = refs.itemIds(source.id(), playlist.itemIds());
        if (dataWriter.syncPlaylist(
            source.name(), source.userId(), playlist, entries, problems, now)) {
          tally.add(Key.playlistsChanged, 1);
        }
      }
      tally.problems(problems);
    }
    if (type == SyncType.COLLECTIONS) {
      // No source client offers collections of its own yet; smart collections are their own job.
      tracker.message("source " + source.name() + " offers no collections to sync");
    }
  }
}
