package io.suasor.media.metadata;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
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
 * (recently added first, then the most played) and writes what changed, a batch per transaction. An
 * item a provider failed on is counted as an error and left stale for next time.
 */
public final class MetadataRefreshService {
  private final MetadataWriter writer;
  private final RefStore refs;
  private final List<MetadataProvider> providers;
  private final Clock clock;
  private final RefreshSettings settings;

  public MetadataRefreshService(
      Database database, List<MetadataProvider> providers, Clock clock, RefreshSettings settings) {
    this.writer = new MetadataWriter(database);
    this.refs = new RefStore(database);
    this.providers = List.copyOf(providers);
    this.clock = clock;
    this.settings = settings;
  }

  public RefreshReport refresh(WorkTracker tracker) {
    Instant now = clock.instant();
    Set<MediaType> types = EnumSet.noneOf(MediaType.class);
    for (MetadataProvider provider : providers) {
      provider.startRefresh();
      types.addAll(provider.types());
    }
    List<Long> stale =
        writer.staleItems(
            types,
            now.minus(settings.staleAfter()),
            now.minus(settings.recentlyAdded()),
            settings.limit());
    tracker.total(stale.size());
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (int from = 0; from < stale.size(); from += settings.batchSize()) {
      tracker.checkCancelled();
      List<Long> batch = stale.subList(from, Math.min(stale.size(), from + settings.batchSize()));
      List<Long> checked = new ArrayList<>();
      Map<Long, ItemMetadata> found = new LinkedHashMap<>();
      for (MediaItem item : writer.load(batch)) {
        try {
          lookup(item).ifPresent(metadata -> found.put(item.id(), metadata));
          checked.add(item.id());
        } catch (MetadataException e) {
          errors.add(e.getMessage());
          count(counts, tracker, "errorCount");
        }
        count(counts, tracker, "totalItemsChecked");
      }
      for (MediaItem changed : writer.apply(checked, found, clock.instant())) {
        count(counts, tracker, updatedKey(changed.type()));
      }
      tracker.advance(batch.size());
    }
    return new RefreshReport(
        counts.getOrDefault("moviesUpdated", 0L),
        counts.getOrDefault("seriesUpdated", 0L),
        counts.getOrDefault("episodesUpdated", 0L),
        counts.getOrDefault("tracksUpdated", 0L),
        counts.getOrDefault("otherUpdated", 0L),
        counts.getOrDefault("errorCount", 0L),
        counts.getOrDefault("totalItemsChecked", 0L),
        errors);
  }

  private Optional<ItemMetadata> lookup(MediaItem item) {
    List<ItemRef> itemRefs = refs.byItem(item.id());
    for (MetadataProvider provider : providers) {
      if (provider.types().contains(item.type())) {
        Optional<ItemMetadata> metadata = provider.lookup(item, itemRefs);
        if (metadata.isPresent()) {
          return metadata;
        }
      }
    }
    return Optional.empty();
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
