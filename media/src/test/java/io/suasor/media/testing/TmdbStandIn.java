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
        server.stubFor(request.willReturn(ok(envelope(1, 1, 0, List.of()))));
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
    ObjectNode movie = Json.mapper().createObjectNode();
    movie.put("adult", false).put("backdrop_path", "/backdrop" + id + ".jpg");
    movie.putNull("belongs_to_collection");
    movie.put("budget", 63000000);
    ArrayNode genreList = movie.putArray("genres");
    genres.forEach(g -> genreList.addObject().put("id", genreId(g)).put("name", g));
    movie.put("homepage", "").put("id", id).put("imdb_id", imdbId);
    movie.putArray("origin_country").add("US");
    movie.put("original_language", "en").put("original_title", title);
    movie.put("overview", "The story of " + title + ".");
    movie.put("popularity", 61.416).put("poster_path", "/poster" + id + ".jpg");
    movie.putArray("production_companies").addObject().put("id", 508).put("name", "Regency");
    movie.put("release_date", releaseDate).put("revenue", 100853753).put("runtime", 139);
    movie.put("status", "Released").put("tagline", "").put("title", title).put("video", false);
    movie.put("vote_average", 8.433).put("vote_count", 26280);
    ObjectNode credits = movie.putObject("credits").put("id", id);
    ArrayNode castList = credits.putArray("cast");
    for (int i = 0; i < cast.size(); i++) {
      castList
          .addObject()
          .put("adult", false)
          .put("gender", 2)
          .put("id", 1000 + i)
          .put("known_for_department", "Acting")
          .put("name", cast.get(i))
          .put("original_name", cast.get(i))
          .put("character", "Role " + (i + 1))
          .put("credit_id", "52fe4250c3a36847f80149f3")
          .put("order", i);
    }
    credits
        .putArray("crew")
        .addObject()
        .put("id", 7467)
        .put("name", director)
        .put("department", "Directing")
        .put("job", "Director")
        .put("credit_id", "52fe4250c3a36847f8014a11");
    movie
        .putObject("external_ids")
        .put("imdb_id", imdbId)
        .putNull("wikidata_id")
        .putNull("facebook_id")
        .putNull("instagram_id")
        .putNull("twitter_id");
    answer("/movie/" + id, movie);
    ObjectNode item = listItem(movie, "title", "release_date");
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
    ObjectNode tv = Json.mapper().createObjectNode();
    tv.put("adult", false).put("backdrop_path", "/tvbackdrop" + id + ".jpg");
    tv.putArray("created_by");
    tv.putArray("episode_run_time").add(45);
    tv.put("first_air_date", firstAirDate);
    ArrayNode genreList = tv.putArray("genres");
    genres.forEach(g -> genreList.addObject().put("id", genreId(g)).put("name", g));
    tv.put("id", id).put("in_production", true).put("name", name).put("original_name", name);
    tv.putArray("networks").addObject().put("id", 49).put("name", "HBO");
    tv.put("number_of_seasons", episodes.size()).put("overview", "The saga of " + name + ".");
    tv.put("poster_path", "/tvposter" + id + ".jpg").put("status", "Returning Series");
    tv.put("vote_average", 8.4).put("vote_count", 21000);
    ArrayNode seasons = tv.putArray("seasons");
    ObjectNode last = null;
    ObjectNode next = null;
    for (int s = 1; s <= episodes.size(); s++) {
      ObjectNode season = Json.mapper().createObjectNode();
      season.put("_id", "5256c89f19c2956ff6046d47").put("air_date", episodes.get(s - 1).get(0));
      ArrayNode list = season.putArray("episodes");
      for (int e = 1; e <= episodes.get(s - 1).size(); e++) {
        String airDate = episodes.get(s - 1).get(e - 1);
        ObjectNode episode =
            list.addObject()
                .put("air_date", airDate)
                .put("episode_number", e)
                .put("episode_type", "standard")
                .put("id", id * 1000 + s * 100 + e)
                .put("name", name + " " + s + "x" + e)
                .put("overview", "Episode " + e + " of season " + s + ".")
                .put("production_code", "")
                .put("runtime", 45)
                .put("season_number", s)
                .put("show_id", id)
                .put("still_path", "/still" + s + "x" + e + ".jpg")
                .put("vote_average", 8.1)
                .put("vote_count", 396);
        episode
            .putArray("crew")
            .addObject()
            .put("department", "Directing")
            .put("job", "Director")
            .put("id", 44797)
            .put("name", "Director of " + s + "x" + e);
        episode
            .putArray("guest_stars")
            .addObject()
            .put("character", "Guest")
            .put("id", 119783)
            .put("name", "Guest of " + s + "x" + e)
            .put("order", 62);
        if (airDate.compareTo(today) <= 0) {
          last = episode;
        } else if (next == null) {
          next = episode;
        }
      }
      season.put("id", id * 10 + s).put("name", "Season " + s).put("season_number", s);
      answer("/tv/" + id + "/season/" + s, season);
      seasons.addObject().put("season_number", s).put("episode_count", list.size());
    }
    if (last != null) {
      tv.set("last_episode_to_air", last.deepCopy());
    }
    if (next != null) {
      tv.set("next_episode_to_air", next.deepCopy());
    } else {
      tv.putNull("next_episode_to_air");
    }
    tv.putObject("credits")
        .putArray("cast")
        .addObject()
        .put("name", "Lead of " + name)
        .put("order", 0);
    ((ObjectNode) tv.get("credits")).putArray("crew");
    tv.putObject("external_ids")
        .put("imdb_id", "tt" + (900000 + id))
        .put("tvdb_id", Integer.parseInt(tvdbId))
        .putNull("wikidata_id");
    answer("/tv/" + id, tv);
    ObjectNode item = listItem(tv, "name", "first_air_date");
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
                .willReturn(ok(envelope(page, pages, items.size(), slice))));
      }
    }
  }

  /** A film as lists ({@code /movie/upcoming}, search) show it. */
  public static ObjectNode listedMovie(long id, String title, String releaseDate, int... genreIds) {
    ObjectNode item = Json.mapper().createObjectNode();
    item.put("adult", false).put("backdrop_path", "/b" + id + ".jpg");
    ArrayNode ids = item.putArray("genre_ids");
    for (int genre : genreIds) {
      ids.add(genre);
    }
    item.put("id", id).put("original_language", "en").put("original_title", title);
    item.put("overview", "About " + title + ".").put("popularity", 1696.367);
    item.put("poster_path", "/p" + id + ".jpg").put("release_date", releaseDate);
    item.put("title", title).put("video", false).put("vote_average", 7).put("vote_count", 207);
    return item;
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

  private static int genreId(String name) {
    return Math.abs(name.hashCode() % 10000);
  }

  private static ObjectNode listItem(ObjectNode details, String titleField, String dateField) {
    ObjectNode item = Json.mapper().createObjectNode();
    for (String field :
        List.of(
            "adult",
            "backdrop_path",
            "id",
            titleField,
            "original_" + titleField,
            "overview",
            "poster_path",
            dateField,
            "popularity",
            "vote_average",
            "vote_count")) {
      if (details.has(field)) {
        item.set(field, details.get(field));
      }
    }
    ArrayNode ids = item.putArray("genre_ids");
    details.path("genres").forEach(g -> ids.add(g.path("id").asInt()));
    item.put("media_type", titleField.equals("title") ? "movie" : "tv");
    return item;
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
              .willReturn(ok(envelope(1, 1, results.size(), results))));
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

  private static ObjectNode envelope(int page, int pages, int total, List<ObjectNode> results) {
    ObjectNode body = Json.mapper().createObjectNode().put("page", page);
    ArrayNode list = body.putArray("results");
    results.forEach(list::add);
    return body.put("total_pages", pages).put("total_results", total);
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
