package io.suasor.media.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.suasor.media.store.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * TMDB's API v3 for tests, answering in the shapes of TMDB's own OpenAPI description (paths under
 * {@code /3}, the paging envelope {@code page/results/total_pages/total_results}, error bodies
 * {@code {"success":false,"status_code":…,"status_message":…}}). A request without {@link #KEY} (as
 * {@code api_key}) or {@link #TOKEN} (as a bearer token) gets TMDB's 401, code 7; an id it does not
 * hold gets TMDB's 404, code 34. Tests add titles with {@link #movie}, {@link #series} and {@link
 * #listing}; faults of their own go on {@link #wireMock()} at priority 1.
 */
public final class TmdbStandIn implements AutoCloseable {
  public static final String KEY = "f3a9c2e41b7d4c0e8a5b6d7e8f901234";
  public static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.standin-read-access-token";

  private final WireMockServer server;
  private final Map<String, List<ObjectNode>> movieSearch = new LinkedHashMap<>();
  private final Map<String, List<ObjectNode>> tvSearch = new LinkedHashMap<>();

  public TmdbStandIn() {
    this.server = new WireMockServer(options().dynamicPort().jettyStopTimeout(100L));
    server.start();
    server.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(error(401, 7, "Invalid API key: You must be granted a valid key.")));
    for (MappingBuilder authorised : authorised(() -> any(anyUrl()), 9)) {
      server.stubFor(
          authorised.willReturn(error(404, 34, "The resource you requested could not be found.")));
    }
    // TMDB answers a search that finds nothing with an empty page, not a 404.
    for (String search : List.of("/search/movie", "/search/tv")) {
      for (MappingBuilder request : authorised(() -> get(urlPathEqualTo("/3" + search)), 8)) {
        server.stubFor(request.willReturn(ok(TmdbShapes.envelope(1, 1, 0, List.of()))));
      }
    }
    genres("movie", Map.of(28, "Action", 18, "Drama", 878, "Science Fiction", 27, "Horror"));
    genres("tv", Map.of(18, "Drama", 10765, "Sci-Fi & Fantasy", 35, "Comedy"));
  }

  /** The address a user would configure as {@code tmdb.baseUrl}. */
  public String baseUrl() {
    return server.baseUrl() + "/3";
  }

  public WireMockServer wireMock() {
    return server;
  }

  /** Requests received whose path starts with {@code /3} plus {@code prefix}. */
  public long requests(String prefix) {
    return server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/3" + prefix))
        .count();
  }

  /**
   * A film: its details at {@code /movie/{id}}, its IMDb id at {@code /find}, its title at {@code
   * /search/movie}; returns the details for a test to add to.
   */
  public ObjectNode movie(
      long id,
      String title,
      String releaseDate,
      String imdbId,
      List<String> genres,
      List<String> cast,
      String director) {
    ObjectNode movie = TmdbShapes.movie(id, title, releaseDate, imdbId, genres, cast, director);
    answer("/movie/" + id, movie);
    ObjectNode item = TmdbShapes.listItem(movie, "title", "release_date");
    find(imdbId, "imdb_id", "movie_results", item);
    movieSearch.computeIfAbsent(title, t -> new ArrayList<>()).add(item);
    answerSearch("/search/movie", title, movieSearch.get(title));
    return movie;
  }

  /**
   * A series with seasons of episodes ({@code episodes[season-1]} holds the air dates of that
   * season's episodes, in order); its details name the last aired and next episode as of {@code
   * today}.
   */
  public ObjectNode series(
      long id,
      String name,
      String firstAirDate,
      String tvdbId,
      List<String> genres,
      List<List<String>> episodes,
      String today) {
    TmdbShapes.Series shapes =
        TmdbShapes.series(id, name, firstAirDate, tvdbId, genres, episodes, today);
    ObjectNode tv = shapes.details();
    for (int s = 1; s <= shapes.seasons().size(); s++) {
      answer("/tv/" + id + "/season/" + s, shapes.seasons().get(s - 1));
    }
    answer("/tv/" + id, tv);
    ObjectNode item = TmdbShapes.listItem(tv, "name", "first_air_date");
    find(tvdbId, "tvdb_id", "tv_results", item);
    find("tt" + (900000 + id), "imdb_id", "tv_results", item);
    tvSearch.computeIfAbsent(name, t -> new ArrayList<>()).add(item);
    answerSearch("/search/tv", name, tvSearch.get(name));
    return tv;
  }

  /** A paged list ({@code /movie/upcoming}, …) of these items, {@code perPage} a page. */
  public void listing(String path, List<ObjectNode> items, int perPage) {
    int pages = Math.max(1, (items.size() + perPage - 1) / perPage);
    for (int page = 1; page <= pages; page++) {
      List<ObjectNode> slice =
          items.subList((page - 1) * perPage, Math.min(items.size(), page * perPage));
      for (MappingBuilder request : authorised(() -> get(urlPathEqualTo("/3" + path)), 5)) {
        server.stubFor(
            request
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(ok(TmdbShapes.envelope(page, pages, items.size(), slice))));
      }
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  private void genres(String kind, Map<Integer, String> names) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode list = body.putArray("genres");
    names.forEach((id, name) -> list.addObject().put("id", id).put("name", name));
    answer("/genre/" + kind + "/list", body);
  }

  private void find(String externalId, String source, String list, ObjectNode item) {
    ObjectNode body = Json.mapper().createObjectNode();
    for (String key :
        List.of(
            "movie_results",
            "person_results",
            "tv_results",
            "tv_episode_results",
            "tv_season_results")) {
      ArrayNode results = body.putArray(key);
      if (key.equals(list)) {
        results.add(item);
      }
    }
    for (MappingBuilder request :
        authorised(() -> get(urlPathEqualTo("/3/find/" + externalId)), 5)) {
      server.stubFor(
          request.withQueryParam("external_source", equalTo(source)).willReturn(ok(body)));
    }
  }

  private void answerSearch(String path, String query, List<ObjectNode> results) {
    for (MappingBuilder request : authorised(() -> get(urlPathEqualTo("/3" + path)), 5)) {
      server.stubFor(
          request
              .withQueryParam("query", equalTo(query))
              .willReturn(ok(TmdbShapes.envelope(1, 1, results.size(), results))));
    }
  }

  private void answer(String path, ObjectNode body) {
    for (MappingBuilder request : authorised(() -> get(urlPathEqualTo("/3" + path)), 5)) {
      server.stubFor(request.willReturn(ok(body)));
    }
  }

  /** The request with the key as {@code api_key}, and with the token as a bearer, at a priority. */
  private static List<MappingBuilder> authorised(Supplier<MappingBuilder> request, int priority) {
    return List.of(
        request.get().withQueryParam("api_key", equalTo(KEY)).atPriority(priority),
        request
            .get()
            .withQueryParam("api_key", absent())
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .atPriority(priority));
  }

  private static ResponseDefinitionBuilder ok(ObjectNode body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody(body.toString());
  }

  public static ResponseDefinitionBuilder error(int status, int code, String message) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put("success", false)
            .put("status_code", code)
            .put("status_message", message);
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody(body.toString());
  }
}
