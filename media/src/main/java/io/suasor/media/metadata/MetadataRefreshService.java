package io.suasor.media.metadata;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.Artwork;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import io.suasor.media.store.ArtworkStore;
import io.suasor.media.store.MetadataWriter;
import io.suasor.media.store.RefStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The work of {@code system.metadata.refresh}: asks the providers, in order, about the stale items
 * (recently added first, then the most played) and writes what changed, a batch per transaction.
 * Providers that replace metadata (NFO files) answer first; those that fill gaps (TMDB) are asked
 * only about items still lacking something. An item a provider failed on is counted as an error and
 * left stale for next time; a provider whose request budget is used up ends the run early, the
 * items not reached left stale for the next run.
 */
public final class MetadataRefreshService {
  private final MetadataWriter writer;
  private final RefStore refs;
  private final ArtworkStore artwork;
  private final List<MetadataProvider> providers;
  private final Clock clock;
  private final RefreshSettings settings;

  public MetadataRefreshService(
      Database database, List<MetadataProvider> providers, Clock clock, RefreshSettings settings) {
    this.writer = new MetadataWriter(database);
    this.refs = new RefStore(database);
    this.artwork = new ArtworkStore(database);
    this.providers = List.copyOf(providers);
    this.clock = clock;
    this.settings = settings;
  }

  public List<MetadataProvider> providers() {
    return providers;
  }

  public RefreshReport refresh(WorkTracker tracker) {
    return refresh(tracker, Optional.empty());
  }

  /**
   * Refreshes the stale items, or, given the window of a run this one follows, only the items that
   * run added or updated which nothing has refreshed since.
   */
  public RefreshReport refresh(WorkTracker tracker, Optional<ChangeWindow> after) {
    Instant now = clock.instant();
    Set<MediaType> types = EnumSet.noneOf(MediaType.class);
    for (MetadataProvider provider : providers) {
      provider.startRefresh();
      types.addAll(provider.types());
    }
    List<Long> stale =
        after.isPresent()
            ? writer.changedItems(
                types, after.get().startedAt(), after.get().endedAt(), settings.limit())
            : writer.staleItems(
                types,
                now.minus(settings.staleAfter()),
                now.minus(settings.recentlyAdded()),
                settings.limit());
    tracker.total(stale.size());
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    String stoppedBecause = null;
    for (int from = 0;
        from < stale.size() && stoppedBecause == null;
        from += settings.batchSize()) {
      tracker.checkCancelled();
      List<Long> batch = stale.subList(from, Math.min(stale.size(), from + settings.batchSize()));
      List<Long> checked = new ArrayList<>();
      Map<Long, ItemMetadata> found = new LinkedHashMap<>();
      Map<Long, Artwork> images = new LinkedHashMap<>();
      Map<Long, Artwork> stored = artwork.byItems(batch);
      for (MediaItem item : writer.load(batch)) {
        try {
          Optional<MetadataFound> answer =
              lookup(item, stored.getOrDefault(item.id(), Artwork.NONE));
          answer.ifPresent(
              a -> {
                found.put(item.id(), a.metadata());
                images.put(item.id(), a.artwork());
              });
          checked.add(item.id());
        } catch (BudgetExhaustedException e) {
          stoppedBecause = e.getMessage();
          break;
        } catch (MetadataException e) {
          if (e.endsRefresh()) {
            writer.apply(checked, found, images, clock.instant());
            throw e;
          }
          errors.add(e.getMessage());
          count(counts, tracker, "errorCount");
        }
        count(counts, tracker, "totalItemsChecked");
      }
      for (MediaItem changed : writer.apply(checked, found, images, clock.instant())) {
        count(counts, tracker, updatedKey(changed.type()));
      }
      tracker.advance(batch.size());
    }
    Map<String, Long> providerStatistics = new LinkedHashMap<>();
    providers.forEach(p -> providerStatistics.putAll(p.statistics()));
    return new RefreshReport(
        counts.getOrDefault("moviesUpdated", 0L),
        counts.getOrDefault("seriesUpdated", 0L),
        counts.getOrDefault("episodesUpdated", 0L),
        counts.getOrDefault("tracksUpdated", 0L),
        counts.getOrDefault("otherUpdated", 0L),
        counts.getOrDefault("errorCount", 0L),
        counts.getOrDefault("totalItemsChecked", 0L),
        errors,
        providerStatistics,
        Optional.ofNullable(stoppedBecause));
  }

  private Optional<MetadataFound> lookup(MediaItem item, Artwork stored) {
    List<ItemRef> itemRefs = refs.byItem(item.id());
    ItemMetadata metadata = item.metadata();
    Artwork images = stored;
    boolean found = false;
    for (MetadataProvider provider : providers) {
      if (!provider.types().contains(item.type())
          || provider.fillsGaps() && Gaps.none(item.type(), metadata, images)) {
        continue;
      }
      Optional<MetadataFound> answer = provider.lookup(withMetadata(item, metadata), itemRefs);
      if (answer.isPresent()) {
        metadata =
            provider.fillsGaps()
                ? Gaps.fill(metadata, answer.get().metadata())
                : answer.get().metadata();
        images = images.orElse(answer.get().artwork());
        found = true;
      }
    }
    return found ? Optional.of(new MetadataFound(metadata, images)) : Optional.empty();
  }

  private static MediaItem withMetadata(MediaItem item, ItemMetadata metadata) {
    return new MediaItem(
        item.id(),
        item.type(),
        metadata,
        item.parentId(),
        item.seriesId(),
        item.numbering(),
        item.matchKey(),
        item.metadataRefreshedAt(),
        item.addedAt(),
        item.updatedAt());
  }

  /** The specification's keys; seasons count with their series, albums and artists as other. */
  private static String updatedKey(MediaType type) {
    return switch (type) {
      case MOVIE -> "moviesUpdated";
      case SERIES, SEASON -> "seriesUpdated";
      case EPISODE -> "episodesUpdated";
      case TRACK -> "tracksUpdated";
      case ARTIST, ALBUM -> "otherUpdated";
    };
  }

  private static void count(Map<String, Long> counts, WorkTracker tracker, String key) {
    counts.merge(key, 1L, Long::sum);
    tracker.stat(key, 1);
  }
}
