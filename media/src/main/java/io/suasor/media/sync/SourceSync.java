package io.suasor.media.sync;

import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.Catalog;
import io.suasor.media.source.FavoritesSource;
import io.suasor.media.source.MovieSource;
import io.suasor.media.source.MusicSource;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.PlayHistorySource;
import io.suasor.media.source.PlayedStateSource;
import io.suasor.media.source.PlaylistSource;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SeriesSource;
import io.suasor.media.source.SourceCatalog;
import io.suasor.media.source.SourceClient;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.SourceDataWriter;
import io.suasor.media.store.SourceDataWriter.WriteBack;
import io.suasor.media.store.SyncStateStore;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Syncs one source: each catalog the request asks for and the source offers, then its play history,
 * favourites and playlists, then writes back to it what changed elsewhere. What was asked for and
 * the source does not offer is said, not silently skipped.
 */
final class SourceSync {
  private final CatalogSync catalogSync;
  private final RefStore refs;
  private final SourceDataWriter dataWriter;
  private final SyncStateStore syncState;
  private final Clock clock;
  private final SyncSettings settings;
  private final WriteBacks writeBacks;

  SourceSync(
      CatalogSync catalogSync,
      RefStore refs,
      SourceDataWriter dataWriter,
      SyncStateStore syncState,
      Clock clock,
      SyncSettings settings) {
    this.catalogSync = catalogSync;
    this.refs = refs;
    this.dataWriter = dataWriter;
    this.syncState = syncState;
    this.clock = clock;
    this.settings = settings;
    this.writeBacks = new WriteBacks(dataWriter, clock);
  }

  void sync(
      MediaSource source,
      SourceClient client,
      SyncRequest request,
      WorkTracker tracker,
      SyncProgress progress,
      SyncTally tally) {
    SyncType type = request.type();
    String name = "'" + source.name() + "' (" + source.type().value() + ")";
    if (type.includes(SyncType.MOVIES)) {
      catalog(
          SyncType.MOVIES,
          client instanceof MovieSource m ? m.movies() : null,
          source,
          name,
          request,
          tracker,
          progress,
          tally);
    }
    if (type.includes(SyncType.SERIES)) {
      catalog(
          SyncType.SERIES,
          client instanceof SeriesSource s ? s.series() : null,
          source,
          name,
          request,
          tracker,
          progress,
          tally);
    }
    if (type.includes(SyncType.MUSIC)) {
      catalog(
          SyncType.MUSIC,
          client instanceof MusicSource m ? m.music() : null,
          source,
          name,
          request,
          tracker,
          progress,
          tally);
    }
    Instant now = clock.instant();
    if (type == SyncType.HISTORY || type == SyncType.FULL) {
      if (client instanceof PlayHistorySource history) {
        if (type == SyncType.HISTORY || !history.historyInCatalogs()) {
          tracker.checkCancelled();
          ScanProblems problems = new ScanProblems();
          Map<String, Long> known = new HashMap<>();
          refs.states(source.id()).forEach((id, state) -> known.put(id, state.itemId()));
          int[] written =
              dataWriter.recordPlays(
                  source.id(),
                  source.userId(),
                  history.playHistory(problems),
                  known,
                  problems,
                  now);
          tally.add(Key.userDataWritten, written[0]);
          tally.add(Key.playsRecorded, written[1]);
          tally.problems(problems);
        }
      } else {
        notOffered(type, SyncType.HISTORY, name + " keeps no play history", tally);
      }
    }
    if (type == SyncType.FAVORITES || type == SyncType.FULL) {
      if (client instanceof FavoritesSource favorites) {
        if (type == SyncType.FAVORITES || !favorites.favoritesInCatalogs()) {
          tracker.checkCancelled();
          ScanProblems problems = new ScanProblems();
          int[] applied =
              dataWriter.applyFavorites(
                  source.id(),
                  source.userId(),
                  favorites.favorites(problems),
                  refs.states(source.id()),
                  problems,
                  now);
          tally.add(Key.favoritesImported, applied[0]);
          tally.add(Key.conflicts, applied[1]);
          tally.problems(problems);
        }
      } else {
        notOffered(type, SyncType.FAVORITES, name + " keeps no favourites", tally);
      }
    }
    if (type.includes(SyncType.PLAYLISTS)) {
      if (client instanceof PlaylistSource playlists) {
        syncPlaylists(source, playlists, tracker, tally, now);
      } else {
        notOffered(type, SyncType.PLAYLISTS, name + " has no playlists", tally);
      }
    }
    if (type == SyncType.COLLECTIONS) {
      // Collections of sources are not synced: smart collections are a job of their own.
      tally.notOffered(name + ": collections are not synced from sources");
    }
    if (type == SyncType.FULL || type == SyncType.FAVORITES) {
      if (client instanceof FavoritesSource favorites) {
        writeBacks.run(
            source,
            WriteBack.FAVORITE,
            (id, value) -> favorites.setFavorite(id, value),
            tracker,
            tally);
      }
    }
    if (type == SyncType.FULL || type == SyncType.HISTORY) {
      if (client instanceof PlayedStateSource played) {
        writeBacks.run(
            source,
            WriteBack.PLAYED,
            (id, value) -> played.setPlayed(id, value, clock.instant()),
            tracker,
            tally);
      }
    }
  }

  private void catalog(
      SyncType kind,
      SourceCatalog catalog,
      MediaSource source,
      String name,
      SyncRequest request,
      WorkTracker tracker,
      SyncProgress progress,
      SyncTally tally) {
    if (catalog == null) {
      notOffered(request.type(), kind, name + " has no " + kind.value(), tally);
      return;
    }
    tracker.checkCancelled();
    if (catalog instanceof Catalog listed) {
      catalogSync.run(source, listed, tracker, progress, tally);
    } else if (catalog instanceof PagedCatalog paged) {
      Optional<SyncStateStore.CatalogState> state = syncState.get(source.id(), kind.value());
      Instant started = clock.instant();
      boolean complete =
          request.completeListing()
              || state.isEmpty()
              || state.get().changedSince() == null
              || state.get().completeAt() == null
              || !state.get().completeAt().plus(settings.completeListingEvery()).isAfter(started);
      Instant since = complete ? null : state.get().changedSince();
      Instant next = catalogSync.run(source, paged, since, tracker, progress, tally);
      syncState.listed(source.id(), kind.value(), next, complete ? started : null);
    }
  }

  private void syncPlaylists(
      MediaSource source,
      PlaylistSource playlists,
      WorkTracker tracker,
      SyncTally tally,
      Instant now) {
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

  /** A sync of {@code part} alone that the source cannot serve is said; a full one passes on. */
  private static void notOffered(SyncType asked, SyncType part, String what, SyncTally tally) {
    if (asked == part) {
      tally.notOffered(what);
    }
  }
}
