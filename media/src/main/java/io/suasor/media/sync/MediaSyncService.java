package io.suasor.media.sync;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaException;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.SourceClients;
import io.suasor.media.store.CatalogWriter;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.SourceDataWriter;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.SyncStateStore;
import io.suasor.media.sync.SyncTally.Key;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The work of {@code system.media.sync}: synchronises sources into the library, incrementally. A
 * source that fails is reported and the others go on; the report names each failed source and why.
 * A cancellation stops at the next batch.
 */
public final class MediaSyncService {
  private final SourceStore sources;
  private final SourceClients clients;
  private final Clock clock;
  private final SourceSync sourceSync;

  public MediaSyncService(
      Database database,
      SourceStore sources,
      SourceClients clients,
      Clock clock,
      SyncSettings settings) {
    this.sources = sources;
    this.clients = clients;
    this.clock = clock;
    RefStore refs = new RefStore(database);
    this.sourceSync =
        new SourceSync(
            new CatalogSync(refs, new CatalogWriter(database), clock, settings),
            refs,
            new SourceDataWriter(database),
            new SyncStateStore(database),
            clock,
            settings);
  }

  /** Every enabled source whose sync interval has passed, fully (a scheduled run). */
  public SyncReport syncDue(WorkTracker tracker) {
    return syncEach(sources.due(clock.instant()), SyncRequest.of(SyncType.FULL), tracker);
  }

  /** Every enabled source, due or not. */
  public SyncReport syncAll(SyncRequest request, WorkTracker tracker) {
    return syncEach(sources.all().stream().filter(MediaSource::enabled).toList(), request, tracker);
  }

  /** Every enabled source of one user, due or not: a user's own full sync. */
  public SyncReport syncAllOf(long userId, SyncRequest request, WorkTracker tracker) {
    return syncEach(
        sources.byUser(userId).stream().filter(MediaSource::enabled).toList(), request, tracker);
  }

  public SyncReport syncSource(long sourceId, SyncType type, WorkTracker tracker) {
    return syncSource(sourceId, SyncRequest.of(type), tracker);
  }

  public SyncReport syncSource(long sourceId, SyncRequest request, WorkTracker tracker) {
    return syncEach(List.of(source(sourceId)), request, tracker);
  }

  /** As {@link #syncSource}, for a run on behalf of a user, who may sync only their own sources. */
  public SyncReport syncSourceOf(
      long userId, long sourceId, SyncRequest request, WorkTracker tracker) {
    MediaSource source = source(sourceId);
    if (source.userId() != userId) {
      throw new MediaException("source " + sourceId + " is not a source of user " + userId);
    }
    return syncEach(List.of(source), request, tracker);
  }

  private MediaSource source(long sourceId) {
    return sources.byId(sourceId).orElseThrow(() -> new MediaException("no source " + sourceId));
  }

  private SyncReport syncEach(List<MediaSource> due, SyncRequest request, WorkTracker tracker) {
    SyncTally tally = new SyncTally(tracker);
    SyncProgress progress = new SyncProgress(tracker);
    for (MediaSource source : due) {
      tracker.checkCancelled();
      tracker.message("syncing " + request.type().value() + " of source " + source.name());
      Instant started = clock.instant();
      try {
        sourceSync.sync(source, clients.open(source), request, tracker, progress, tally);
        sources.markSynced(source.id(), started);
        tally.add(Key.sourcesSynced, 1);
      } catch (RuntimeException e) {
        if (e instanceof WorkCancelledException || tracker.cancelled()) {
          throw e;
        }
        // One broken source (unmounted folder, unreachable server) must not stop the others.
        tally.failed(
            new SyncReport.SourceFailure(
                source.id(), source.name(), String.valueOf(e.getMessage())));
      }
    }
    return tally.report();
  }
}
