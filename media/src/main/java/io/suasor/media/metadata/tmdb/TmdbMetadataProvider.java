package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.metadata.MetadataFound;
import io.suasor.media.metadata.MetadataProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.ItemRef;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Fills what items lack from TMDB: overview, genres, people, release dates, poster and backdrop,
 * external ids. Films and series are matched by their ids or title and year; an episode through its
 * series' TMDB id and its season and episode numbers. Each refresh gets its own request budget; its
 * counts are the run's {@code tmdb*} statistics.
 */
public final class TmdbMetadataProvider implements MetadataProvider {
  private final TmdbClient client;
  private final int budget;
  private final LongFunction<Optional<MediaItem>> items;
  // Replaced as each refresh starts; a refresh runs its lookups on one thread.
  private volatile TmdbClient run;
  private final Map<String, Long> counts = new ConcurrentHashMap<>();

  /**
   * @param budget requests one refresh may send
   * @param items loads an item by id: an episode's series
   */
  public TmdbMetadataProvider(
      TmdbClient client, int budget, LongFunction<Optional<MediaItem>> items) {
    this.client = client;
    this.budget = budget;
    this.items = items;
    this.run = client.limitedTo(budget);
  }

  @Override
  public String name() {
    return "tmdb";
  }

  @Override
  public void startRefresh() {
    run = client.limitedTo(budget);
    counts.clear();
    for (String key : List.of("tmdbMatched", "tmdbNotFound", "tmdbFailed")) {
      counts.put(key, 0L);
    }
  }

  @Override
  public Set<MediaType> types() {
    return Set.of(MediaType.MOVIE, MediaType.SERIES, MediaType.EPISODE);
  }

  @Override
  public boolean fillsGaps() {
    return true;
  }

  @Override
  public Optional<MetadataFound> lookup(MediaItem item, List<ItemRef> refs) {
    Optional<MetadataFound> found;
    try {
      found =
          switch (item.type()) {
            case MOVIE -> movie(item.metadata());
            case SERIES -> series(item.metadata());
            case EPISODE -> episode(item);
            default -> Optional.empty();
          };
    } catch (TmdbException e) {
      counts.merge("tmdbFailed", 1L, Long::sum);
      throw e;
    }
    counts.merge(found.isPresent() ? "tmdbMatched" : "tmdbNotFound", 1L, Long::sum);
    return found;
  }

  @Override
  public Map<String, Long> statistics() {
    Map<String, Long> statistics = new LinkedHashMap<>();
    statistics.put("tmdbRequests", (long) run.requests());
    statistics.putAll(counts);
    return statistics;
  }

  private Optional<MetadataFound> movie(ItemMetadata m) {
    return TmdbMatcher.movie(run, m.externalIds(), m.title(), m.year())
        .flatMap(run::movie)
        .map(
            movie ->
                new MetadataFound(TmdbMapping.movie(movie, m.title()), TmdbMapping.artwork(movie)));
  }

  private Optional<MetadataFound> series(ItemMetadata m) {
    return details(m)
        .map(tv -> new MetadataFound(TmdbMapping.series(tv, m.title()), TmdbMapping.artwork(tv)));
  }

  private Optional<JsonNode> details(ItemMetadata series) {
    return TmdbMatcher.series(run, series.externalIds(), series.title(), series.year())
        .flatMap(run::tv);
  }

  private Optional<MetadataFound> episode(MediaItem episode) {
    Numbering numbering = episode.numbering();
    if (episode.seriesId() == null || numbering.season() == null || numbering.episode() == null) {
      return Optional.empty();
    }
    Optional<Long> seriesId =
        items
            .apply(episode.seriesId())
            .map(MediaItem::metadata)
            .flatMap(s -> TmdbMatcher.series(run, s.externalIds(), s.title(), s.year()));
    if (seriesId.isEmpty()) {
      return Optional.empty();
    }
    return run.season(seriesId.get(), numbering.season())
        .flatMap(season -> episodeOf(season, numbering.episode()))
        .map(
            e ->
                new MetadataFound(
                    TmdbMapping.episode(e, episode.metadata().title()), TmdbMapping.still(e)));
  }

  private static Optional<JsonNode> episodeOf(JsonNode season, int number) {
    for (JsonNode episode : season.path("episodes")) {
      if (episode.path("episode_number").asInt(-1) == number) {
        return Optional.of(episode);
      }
    }
    return Optional.empty();
  }
}
