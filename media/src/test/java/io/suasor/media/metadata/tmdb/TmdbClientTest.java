package io.suasor.media.metadata.tmdb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.media.metadata.BudgetExhaustedException;
import io.suasor.media.metadata.tmdb.TmdbClient.ExternalSource;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.testing.TmdbShapes;
import io.suasor.media.testing.TmdbStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TMDB client against {@link TmdbStandIn}, a WireMock server answering in the shapes of TMDB's
 * OpenAPI description (v3, as published at developer.themoviedb.org/openapi/tmdb-api.json). What
 * that leaves untested: TMDB's real rate limit and its exact headers on a 429, TLS, and the live
 * catalogue's content.
 */
class TmdbClientTest {
  static final HttpSettings FAST =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          3,
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          Duration.ofSeconds(5),
          2);

  private final SettableClock clock = SettableClock.at("2026-03-01T10:00:00Z");
  private final List<Duration> waits = new ArrayList<>();
  private TmdbStandIn tmdb;

  @BeforeEach
  void start() {
    tmdb = new TmdbStandIn();
    tmdb.movie(
        603,
        "The Matrix",
        "1999-03-30",
        "tt0133093",
        List.of("Action", "Science Fiction"),
        List.of("Keanu Reeves", "Carrie-Anne Moss"),
        "Lana Wachowski");
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  private TmdbClient client(String key, String token) {
    return client(TmdbSettings.of(tmdb.baseUrl(), key, token));
  }

  private TmdbClient client(TmdbSettings settings) {
    return new TmdbClient(
        settings.withHttp(FAST),
        clock,
        wait -> {
          waits.add(wait);
          clock.advance(wait);
        });
  }

  @Test
  void movieDetailsAskForCreditsAndExternalIdsWithTheKeyAsAQueryParameter() {
    JsonNode movie = client(TmdbStandIn.KEY, null).movie(603).orElseThrow();

    assertThat(movie.path("title").asText()).isEqualTo("The Matrix");
    assertThat(movie.path("credits").path("cast").get(0).path("name").asText())
        .isEqualTo("Keanu Reeves");
    tmdb.wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/3/movie/603"))
                .withQueryParam("append_to_response", equalTo("credits,external_ids"))
                .withQueryParam("api_key", equalTo(TmdbStandIn.KEY))
                .withQueryParam("language", equalTo("en-US")));
  }

  @Test
  void aReadAccessTokenTravelsAsABearerHeaderAndNotInTheQuery() {
    assertThat(client(null, TmdbStandIn.TOKEN).movie(603)).isPresent();

    tmdb.wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/3/movie/603"))
                .withHeader("Authorization", equalTo("Bearer " + TmdbStandIn.TOKEN))
                .withoutQueryParam("api_key"));
  }

  @Test
  void anUnknownIdIsAnEmptyAnswerNotAFailure() {
    TmdbClient client = client(TmdbStandIn.KEY, null);

    assertThat(client.movie(999_999)).isEmpty();
    assertThat(client.tv(999_999)).isEmpty();
    assertThat(client.find("tt0000001", ExternalSource.IMDB)).isEmpty();
  }

  @Test
  void aBadKeyFailsWithAMessageNamingTheSettingButNotTheKey() {
    String wrong = "0123456789abcdef0123456789abcdef";
    assertThatThrownBy(() -> client(wrong, null).movie(603))
        .isInstanceOfSatisfying(
            TmdbException.class,
            e -> {
              assertThat(e.keyRefused()).isTrue();
              assertThat(e.endsRefresh()).isTrue();
            })
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("tmdb.apiKey")
        .hasMessageNotContaining(wrong);
  }

  @Test
  void aBadTokenNamesTheTokenSetting() {
    assertThatThrownBy(() -> client(null, "not-the-token").movie(603))
        .hasMessageContaining("tmdb.readAccessToken")
        .hasMessageNotContaining("not-the-token");
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    tmdb.wireMock()
        .stubFor(
            get(urlPathEqualTo("/3/movie/603"))
                .atPriority(1)
                .inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    TmdbStandIn.error(
                            429, 25, "Your request count (41) is over the allowed limit of 40.")
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
    long started = System.nanoTime();

    JsonNode movie = client(TmdbStandIn.KEY, null).movie(603).orElseThrow();

    assertThat(movie.path("id").asLong()).isEqualTo(603);
    assertThat(tmdb.requests("/movie/603")).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(900));
  }

  @Test
  void aSecondIdenticalRequestIsAnsweredFromTheCache() {
    TmdbClient client = client(TmdbStandIn.KEY, null);

    client.movie(603);
    client.movie(603);
    client.movie(999_999);
    client.movie(999_999);

    assertThat(tmdb.requests("/movie/603")).isEqualTo(1);
    assertThat(tmdb.requests("/movie/999999")).isEqualTo(1);
    assertThat(client.requests()).isEqualTo(2);
  }

  @Test
  void theCacheForgetsAfterItsLifetime() {
    TmdbClient client = client(TmdbStandIn.KEY, null);
    client.movie(603);

    clock.advance(Duration.ofHours(25));
    client.movie(603);

    assertThat(tmdb.requests("/movie/603")).isEqualTo(2);
  }

  @Test
  void theRateLimitHoldsBackTheRequestThatWouldBeOneTooMany() {
    TmdbClient client =
        client(
            TmdbSettings.of(tmdb.baseUrl(), TmdbStandIn.KEY, null)
                .withRateLimit(3, Duration.ofSeconds(10)));

    IntStream.rangeClosed(1, 7).forEach(id -> client.movie(id));

    assertThat(tmdb.requests("/movie/")).isEqualTo(7);
    assertThat(waits).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void pagingFollowsTotalPagesUpToTheLimitGiven() {
    List<ObjectNode> movies = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      movies.add(TmdbShapes.listedMovie(5000 + i, "Film " + i, "2026-03-10", 18));
    }
    tmdb.listing("/movie/upcoming", movies, 20);
    TmdbClient client = client(TmdbStandIn.KEY, null);

    assertThat(client.upcomingMovies(2)).hasSize(40);
    assertThat(client.upcomingMovies(10)).hasSize(50);
    assertThat(tmdb.requests("/movie/upcoming")).isEqualTo(3);
  }

  @Test
  void theTvListsAndTrendingAreReadFromTheirPaths() {
    ObjectNode thrones =
        TmdbShapes.series(
                1399,
                "Game of Thrones",
                "2011-04-17",
                "121361",
                List.of("Drama"),
                List.of(List.of("2011-04-17")),
                "2026-03-01")
            .details();
    ObjectNode listed = TmdbShapes.listItem(thrones, "name", "first_air_date");
    tmdb.listing("/tv/on_the_air", List.of(listed), 20);
    tmdb.listing("/tv/airing_today", List.of(listed), 20);
    tmdb.listing("/trending/tv/week", List.of(listed), 20);
    TmdbClient client = client(TmdbStandIn.KEY, null);

    assertThat(client.tvOnTheAir(3))
        .singleElement()
        .satisfies(tv -> assertThat(tv.path("name").asText()).isEqualTo("Game of Thrones"));
    assertThat(client.tvAiringToday(3)).hasSize(1);
    assertThat(client.trending("tv", "week", 1))
        .singleElement()
        .satisfies(tv -> assertThat(tv.path("media_type").asText()).isEqualTo("tv"));
    assertThatThrownBy(() -> client.trending("tv", "month", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findSearchAndGenresReadTheDocumentedShapes() {
    TmdbClient client = client(TmdbStandIn.KEY, null);

    JsonNode found = client.find("tt0133093", ExternalSource.IMDB).orElseThrow();
    List<JsonNode> searched = client.searchMovies("The Matrix", 1999, 1);

    assertThat(found.path("movie_results").get(0).path("id").asLong()).isEqualTo(603);
    assertThat(searched)
        .singleElement()
        .satisfies(m -> assertThat(m.path("id").asLong()).isEqualTo(603));
    assertThat(client.movieGenres()).containsEntry(878, "Science Fiction");
    assertThat(client.tvGenres()).containsEntry(10765, "Sci-Fi & Fantasy");
    client.movieGenres();
    assertThat(tmdb.requests("/genre/movie/list")).isEqualTo(1);
    tmdb.wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/3/search/movie"))
                .withQueryParam("year", equalTo("1999"))
                .withQueryParam("include_adult", equalTo("false")));
  }

  @Test
  void aBudgetedViewStopsBeforeTheRequestPastItsBudgetButStillReadsTheCache() {
    TmdbClient client = client(TmdbStandIn.KEY, null);
    client.movie(603);
    TmdbClient run = client.limitedTo(1);

    run.movie(1);
    assertThat(run.movie(603)).isPresent();
    assertThatThrownBy(() -> run.movie(2))
        .isInstanceOf(BudgetExhaustedException.class)
        .hasMessageContaining("budget of 1");
    assertThat(run.requests()).isEqualTo(1);
  }

  @Test
  void anErrorBodyEchoingTheKeyIsRedacted() {
    tmdb.wireMock()
        .stubFor(
            get(urlPathEqualTo("/3/movie/77"))
                .atPriority(1)
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withBody(
                            "{\"success\":false,\"status_code\":22,\"status_message\":\"bad"
                                + " request for key "
                                + TmdbStandIn.KEY
                                + "\"}")));

    assertThatThrownBy(() -> client(TmdbStandIn.KEY, null).movie(77))
        .isInstanceOf(TmdbException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageNotContaining(TmdbStandIn.KEY);
  }
}
