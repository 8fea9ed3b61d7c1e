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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Syncs one source: each catalog the request asks for and the source offers, then its play history,
 * favourites and playlists, then writes back to it what changed elsewhere. What was asked for and
 * the source does not offer is said, not silently skipped.
 */
final class SourceSync {
  private static final List<SyncType> CATALOGS =
      List.of(SyncType.MOVIES, SyncType.SERIES, SyncType.MUSIC);

  private final CatalogSync catalogSync;
  private final RefStore refs;
  private final SourceDataWriter dataWriter;
  private final SyncStateStore syncState;
  private final Clock clock;
  private final SyncSettings settings;
  private final WriteBacks writeBacks;
  private final FavoritesExchange favoritesExchange;

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
    this.favoritesExchange = new FavoritesExchange(refs, dataWriter, clock);
  }

  /** One source's sync within a run: what it was asked, and where it reports. */
  private record Run(
      MediaSource source,
      SourceClient client,
      SyncType type,
      boolean completeListing,
      WorkTracker tracker,
      SyncProgress progress,
      SyncTally tally) {

    /** The source as messages name it, e.g. "'Den' (subsonic)". */
    String name() {
      return "'" + source.name() + "' (" + source.type().value() + ")";
    }

    /** A step of its own that the source cannot serve is said; a full sync passes on. */
    void notOffered(SyncType part, String what) {
      if (type == part) {
        tally.notOffered(name() + " " + what);
      }
    }
  }

  void sync(
      MediaSource source,
      SourceClient client,
      SyncRequest request,
      WorkTracker tracker,
      SyncProgress progress,
      SyncTally tally) {
    Run run =
        new Run(
            source, client, request.type(), request.completeListing(), tracker, progress, tally);
    for (SyncType kind : CATALOGS) {
      if (run.type().includes(kind)) {
        catalog(run, kind);
      }
    }
    Instant now = clock.instant();
    if (run.type() == SyncType.HISTORY || run.type() == SyncType.FULL) {
      history(run, now);
    }
    if (run.type() == SyncType.FAVORITES || run.type() == SyncType.FULL) {
      favorites(run, now);
    }
    if (run.type().includes(SyncType.PLAYLISTS)) {
      playlists(run, now);
    }
    if (run.type() == SyncType.COLLECTIONS) {
      // Collections of sources are not synced: smart collections are a job of their own.
      tally.notOffered(run.name() + ": collections are not synced from sources");
    }
    if ((run.type() == SyncType.FULL || run.type() == SyncType.FAVORITES)
        && client instanceof FavoritesSource favorites) {
      favoritesExchange.writeBack(source, favorites, tracker, tally);
    }
    if ((run.type() == SyncType.FULL || run.type() == SyncType.HISTORY)
        && client instanceof PlayedStateSource played) {
      writeBacks.run(
          source,
          WriteBack.PLAYED,
          (id, value) -> played.setPlayed(id, value, clock.instant()),
          tracker,
          tally);
    }
  }

  private static SourceCatalog catalogOf(SourceClient client, SyncType kind) {
    return switch (kind) {
      case MOVIES -> client instanceof MovieSource movies ? movies.movies() : null;
      case SERIES -> client instanceof SeriesSource series ? series.series() : null;
      case MUSIC -> client instanceof MusicSource music ? music.music() : null;
      default -> throw new IllegalArgumentException(kind + " is not a catalog");
    };
  }

  private void catalog(Run run, SyncType kind) {
    SourceCatalog catalog = catalogOf(run.client(), kind);
    if (catalog == null) {
      run.notOffered(kind, "has no " + kind.value());
      return;
    }
    run.tracker().checkCancelled();
    MediaSource source = run.source();
    if (catalog instanceof Catalog listed) {
      catalogSync.run(source, listed, run.tracker(), run.progress(), run.tally());
    } else if (catalog instanceof PagedCatalog paged) {
      Optional<SyncStateStore.CatalogState> state = syncState.get(source.id(), kind.value());
      Instant started = clock.instant();
      boolean complete =
          run.completeListing()
              || state.isEmpty()
              || state.get().changedSince() == null
              || state.get().completeAt() == null
              || !state.get().completeAt().plus(settings.completeListingEvery()).isAfter(started);
      Instant since = complete ? null : state.get().changedSince();
      Instant next =
          catalogSync.run(source, paged, since, run.tracker(), run.progress(), run.tally());
      syncState.listed(source.id(), kind.value(), next, complete ? started : null);
    }
  }

  private void history(Run run, Instant now) {
    if (!(run.client() instanceof PlayHistorySource history)) {
      run.notOffered(SyncType.HISTORY, "keeps no play history");
      return;
    }
    // A full sync of a source whose listed items carry the plays has read them already.
    if (run.type() == SyncType.FULL && history.historyInCatalogs()) {
      return;
    }
    run.tracker().checkCancelled();
    ScanProblems problems = new ScanProblems();
    Map<String, Long> known = new HashMap<>();
    refs.states(run.source().id()).forEach((id, state) -> known.put(id, state.itemId()));
    int[] written =
        dataWriter.recordPlays(
            run.source().id(),
            run.source().userId(),
            history.playHistory(problems),
            known,
            problems,
            now);
    run.tally().add(Key.userDataWritten, written[0]);
    run.tally().add(Key.playsRecorded, written[1]);
    run.tally().problems(problems);
  }

  private void favorites(Run run, Instant now) {
    if (!(run.client() instanceof FavoritesSource favorites)) {
      run.notOffered(SyncType.FAVORITES, "keeps no favourites");
      return;
    }
    if (run.type() == SyncType.FULL && favorites.favoritesInCatalogs()) {
      return;
    }
    favoritesExchange.read(run.source(), favorites, run.tracker(), run.tally(), now);
  }

  private void playlists(Run run, Instant now) {
    if (!(run.client() instanceof PlaylistSource playlists)) {
      run.notOffered(SyncType.PLAYLISTS, "has no playlists");
      return;
    }
    MediaSource source = run.source();
    ScanProblems problems = new ScanProblems();
    for (SourcePlaylist playlist : playlists.playlists(problems)) {
      run.tracker().checkCancelled();
      // A playlist needs only its own entries' items: look those up, not the whole source.
      Map<String, Long> entries = refs.itemIds(source.id(), playlist.itemIds());
      if (dataWriter.syncPlaylist(
          source.name(), source.userId(), playlist, entries, problems, now)) {
        run.tally().add(Key.playlistsChanged, 1);
      }
    }
    run.tally().problems(problems);
  }
}
