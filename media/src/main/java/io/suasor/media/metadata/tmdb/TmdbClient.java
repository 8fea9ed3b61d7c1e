package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.MediaException;
import io.suasor.media.metadata.BudgetExhaustedException;
import io.suasor.media.source.http.ServerHttp;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TMDB's API v3 over {@link ServerHttp} (timeouts, retries of 429 and 5xx after their {@code
 * Retry-After}, the key blanked out of messages), kept under TMDB's rate limit by a {@link
 * RequestLimiter}, with a {@link ResponseCache} shared by every view of one client. An id TMDB does
 * not know (404) is an empty answer; a refused key is a {@link TmdbException} saying which setting
 * to check.
 */
public final class TmdbClient {
  /** Pages TMDB serves of any listing at most. */
  static final int LAST_PAGE = 500;

  private static final String DETAILS_APPENDS = "credits,external_ids";

  private final Shared shared;
  private final int budget;
  private final AtomicInteger sent = new AtomicInteger();

  /** What every view of one client shares: the connection, the limiter and the cache. */
  private record Shared(
      TmdbHttp http,
      TmdbSettings settings,
      RequestLimiter limiter,
      ResponseCache cache,
      Map<String, Map<Integer, String>> genres) {}

  public TmdbClient(TmdbSettings settings, InstantSource clock) {
    this(settings, clock, wait -> Thread.sleep(wait.toMillis()));
  }

  TmdbClient(TmdbSettings settings, InstantSource clock, RequestLimiter.Sleeper sleeper) {
    this(
        new Shared(
            new TmdbHttp(settings),
            settings,
            new RequestLimiter(settings.requestsPerWindow(), settings.window(), clock, sleeper),
            new ResponseCache(settings.cacheChars(), settings.cacheTtl(), clock),
            new HashMap<>()),
        Integer.MAX_VALUE);
  }

  private TmdbClient(Shared shared, int budget) {
    this.shared = shared;
    this.budget = budget;
  }

  /**
   * A view of this client that sends at most {@code requests} requests (answers from the cache are
   * free) and then throws {@link BudgetExhaustedException}; it shares the limiter and the cache.
   */
  public TmdbClient limitedTo(int requests) {
    return new TmdbClient(shared, requests);
  }

  /** Requests this view sent to TMDB, answers from the cache not counted. */
  public int requests() {
    return sent.get();
  }

  /** A film's details with its credits and external ids; empty when TMDB has no such id. */
  public Optional<JsonNode> movie(long id) {
    return get("/movie/" + id, params("append_to_response", DETAILS_APPENDS));
  }

  /** A series' details with its credits and external ids; empty when TMDB has no such id. */
  public Optional<JsonNode> tv(long id) {
    return get("/tv/" + id, params("append_to_response", DETAILS_APPENDS));
  }

  /** A season of a series with its {@code episodes}; empty when TMDB has no such season. */
  public Optional<JsonNode> season(long seriesId, int seasonNumber) {
    return get("/tv/" + seriesId + "/season/" + seasonNumber, params());
  }

  /** What TMDB knows by another catalogue's id: {@code movie_results}, {@code tv_results}, … */
  public Optional<JsonNode> find(String externalId, ExternalSource source) {
    // Ids go into the path: one that is not a plain id cannot be in TMDB and is not sent.
    if (!externalId.matches("[A-Za-z0-9._-]{1,64}")) {
      return Optional.empty();
    }
    return get("/find/" + externalId, params("external_source", source.value()));
  }

  /** Films whose title matches, in TMDB's order; {@code year} narrows when given. */
  public List<JsonNode> searchMovies(String title, Integer year, int maxPages) {
    return pages(
        "/search/movie",
        params("query", title, "include_adult", "false", "year", year == null ? null : year),
        maxPages);
  }

  /** Series whose name matches, in TMDB's order; {@code firstAirYear} narrows when given. */
  public List<JsonNode> searchTv(String title, Integer firstAirYear, int maxPages) {
    return pages(
        "/search/tv",
        params("query", title, "include_adult", "false", "first_air_date_year", firstAirYear),
        maxPages);
  }

  public List<JsonNode> upcomingMovies(int maxPages) {
    return pages("/movie/upcoming", params(), maxPages);
  }

  public List<JsonNode> nowPlayingMovies(int maxPages) {
    return pages("/movie/now_playing", params(), maxPages);
  }

  /** Series with an episode airing in the next seven days. */
  public List<JsonNode> tvOnTheAir(int maxPages) {
    return pages("/tv/on_the_air", params(), maxPages);
  }

  public List<JsonNode> tvAiringToday(int maxPages) {
    return pages("/tv/airing_today", params(), maxPages);
  }

  /**
   * What is trending: {@code mediaType} one of {@code all}, {@code movie}, {@code tv}, {@code
   * person}; {@code timeWindow} {@code day} or {@code week}.
   */
  public List<JsonNode> trending(String mediaType, String timeWindow, int maxPages) {
    if (!List.of("all", "movie", "tv", "person").contains(mediaType)
        || !List.of("day", "week").contains(timeWindow)) {
      throw new IllegalArgumentException(
          "TMDB trends by all, movie, tv or person over a day or a week");
    }
    return pages("/trending/" + mediaType + "/" + timeWindow, params(), maxPages);
  }

  /** Film genres by id, asked once per client. */
  public Map<Integer, String> movieGenres() {
    return genres("movie");
  }

  /** Series genres by id (a list of its own, not the films'), asked once per client. */
  public Map<Integer, String> tvGenres() {
    return genres("tv");
  }

  private Map<Integer, String> genres(String kind) {
    synchronized (shared.genres()) {
      Map<Integer, String> known = shared.genres().get(kind);
      if (known != null) {
        return known;
      }
    }
    Map<Integer, String> names = new LinkedHashMap<>();
    get("/genre/" + kind + "/list", params())
        .ifPresent(
            answer -> {
              for (JsonNode genre : answer.path("genres")) {
                names.put(genre.path("id").asInt(), genre.path("name").asText());
              }
            });
    Map<Integer, String> result = Map.copyOf(names);
    synchronized (shared.genres()) {
      shared.genres().put(kind, result);
    }
    return result;
  }

  /** Every page of a listing's {@code results}, up to {@code maxPages} and TMDB's last page. */
  List<JsonNode> pages(String path, Map<String, Object> params, int maxPages) {
    List<JsonNode> results = new ArrayList<>();
    int page = 1;
    int last = Math.min(maxPages, LAST_PAGE);
    while (page <= last) {
      Map<String, Object> paged = new LinkedHashMap<>(params);
      paged.put("page", page);
      Optional<JsonNode> answer = get(path, paged);
      if (answer.isEmpty()) {
        break;
      }
      answer.get().path("results").forEach(results::add);
      last = Math.min(last, answer.get().path("total_pages").asInt(page));
      page++;
    }
    return results;
  }

  /** One GET, from the cache when it was asked recently; empty for TMDB's 404. */
  Optional<JsonNode> get(String path, Map<String, Object> params) {
    Map<String, Object> full = new LinkedHashMap<>(params);
    full.putIfAbsent("language", shared.settings().language());
    String key = path + "?" + full;
    Optional<Optional<JsonNode>> cached = shared.cache().get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    if (sent.get() >= budget) {
      throw new BudgetExhaustedException(
          "the TMDB request budget of "
              + budget
              + " for this run is used up; the items not reached wait for the next run (raise"
              + " the budget to reach more per run)");
    }
    try {
      shared.limiter().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaException("interrupted while waiting for TMDB's rate limit");
    }
    sent.incrementAndGet();
    Optional<JsonNode> answer = shared.http().get(path, full);
    shared.cache().put(key, answer);
    return answer;
  }

  /** Query parameters in the order given, as name-value pairs; null values are left out. */
  static Map<String, Object> params(Object... pairs) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        params.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return params;
  }

  /** The catalogues {@code /find} looks ids up in. */
  public enum ExternalSource {
    IMDB("imdb_id"),
    TVDB("tvdb_id");

    private final String value;

    ExternalSource(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }
}
