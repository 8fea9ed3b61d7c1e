package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.notify.ReleaseCalendar;
import io.suasor.media.notify.UpcomingRelease;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * TMDB's release calendar: films from its upcoming and now-playing lists released within the
 * window, and a series' episodes airing in it, read from the seasons of its last and next episode.
 * Genre ids become names through TMDB's genre lists, which the client asks for once.
 */
public final class TmdbReleaseCalendar implements ReleaseCalendar {
  /** Pages read of each film list: TMDB's lists hold 20 a page, ordered by popularity. */
  public static final int DEFAULT_PAGES = 5;

  private final TmdbClient client;
  private final int pages;

  public TmdbReleaseCalendar(TmdbClient client) {
    this(client, DEFAULT_PAGES);
  }

  public TmdbReleaseCalendar(TmdbClient client, int pages) {
    this.client = client;
    this.pages = pages;
  }

  @Override
  public List<UpcomingRelease> movies(LocalDate from, LocalDate to) {
    Map<Integer, String> genres = client.movieGenres();
    Map<Long, UpcomingRelease> releases = new LinkedHashMap<>();
    List<JsonNode> listed = new ArrayList<>(client.upcomingMovies(pages));
    listed.addAll(client.nowPlayingMovies(pages));
    for (JsonNode movie : listed) {
      LocalDate released = TmdbMapping.date(movie.path("release_date"));
      long id = movie.path("id").asLong();
      if (released == null || released.isBefore(from) || released.isAfter(to)) {
        continue;
      }
      releases.putIfAbsent(
          id,
          new UpcomingRelease(
              MediaType.MOVIE,
              TmdbMapping.text(movie.path("title")),
              released.getYear(),
              released,
              Map.of(ExternalProvider.TMDB, String.valueOf(id)),
              genreNames(movie.path("genre_ids"), genres),
              TmdbMapping.rating(movie),
              TmdbMapping.text(movie.path("overview")),
              null,
              null,
              null));
    }
    return List.copyOf(releases.values());
  }

  @Override
  public List<UpcomingRelease> episodes(
      Map<ExternalProvider, String> seriesIds, LocalDate from, LocalDate to) {
    Optional<JsonNode> series =
        TmdbMatcher.series(client, seriesIds, null, null).flatMap(client::tv);
    if (series.isEmpty()) {
      return List.of();
    }
    JsonNode tv = series.get();
    TreeSet<Integer> seasons = new TreeSet<>();
    for (String key : List.of("last_episode_to_air", "next_episode_to_air")) {
      JsonNode episode = tv.path(key);
      if (episode.isObject() && episode.path("season_number").isNumber()) {
        seasons.add(episode.path("season_number").asInt());
      }
    }
    List<UpcomingRelease> releases = new ArrayList<>();
    for (int season : seasons) {
      JsonNode episodes =
          client
              .season(tv.path("id").asLong(), season)
              .map(s -> s.path("episodes"))
              .orElseGet(MissingNode::getInstance);
      for (JsonNode episode : episodes) {
        LocalDate aired = TmdbMapping.date(episode.path("air_date"));
        if (aired != null && !aired.isBefore(from) && !aired.isAfter(to)) {
          releases.add(release(tv, episode, aired));
        }
      }
    }
    return releases;
  }

  private static UpcomingRelease release(JsonNode tv, JsonNode episode, LocalDate aired) {
    return new UpcomingRelease(
        MediaType.EPISODE,
        Optional.ofNullable(TmdbMapping.text(episode.path("name")))
            .orElse("Episode " + episode.path("episode_number").asInt()),
        aired.getYear(),
        aired,
        Map.of(ExternalProvider.TMDB, episode.path("id").asText()),
        TmdbMapping.names(tv.path("genres")),
        TmdbMapping.rating(episode),
        TmdbMapping.text(episode.path("overview")),
        TmdbMapping.text(tv.path("name")),
        episode.path("season_number").asInt(),
        episode.path("episode_number").asInt());
  }

  private static List<String> genreNames(JsonNode ids, Map<Integer, String> genres) {
    List<String> names = new ArrayList<>();
    for (JsonNode id : ids) {
      String name = genres.get(id.asInt());
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }
}
