package io.suasor.media.source.plex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.UnsupportedSourceException;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.testing.PlexStandIn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlexSource#check()} and how the client meets a failing server, against {@link
 * PlexStandIn}, a WireMock server answering in the shapes of Plex Media Server's OpenAPI
 * description, with WireMock stubs for the faults. What that leaves untested: a real server's
 * {@code /accounts} (not in the description; its shape is taken from what servers answer), the
 * error pages a real server or a proxy in front of it sends, TLS, and Plex's own rate limits.
 */
class PlexCheckTest {
  private PlexStandIn plex;

  @BeforeEach
  void start() {
    plex = PlexStandIn.start();
  }

  @AfterEach
  void stop() {
    plex.close();
  }

  private PlexSource source(String token, Optional<String> user, List<String> libraries) {
    return new PlexSource(
        "Home",
        new ServerSourceSettings(plex.baseUrl(), user, libraries, Map.of("token", token)),
        PlexSourceTest.QUICK);
  }

  @Test
  void checkAnswersTheServerItsLibrariesAndTheTokensAccount() {
    SourceCheck check = source(plex.token(), Optional.empty(), List.of("Movies", "3")).check();

    assertThat(check.serverName()).isEqualTo("Stand-in Plex");
    assertThat(check.product()).isEqualTo("Plex Media Server");
    assertThat(check.version()).startsWith("1.42.2");
    assertThat(check.libraries())
        .containsExactly(
            new SourceCheck.Library("1", "Movies", "movie", true),
            new SourceCheck.Library("2", "TV Shows", "show", false),
            new SourceCheck.Library("3", "Music", "artist", true),
            new SourceCheck.Library("4", "Photos", "photo", false));
    assertThat(check.users())
        .containsExactly(
            new SourceCheck.User("1", "owner", true, true),
            new SourceCheck.User("2", "guest", false, false));
    assertThat(check.notes()).singleElement().asString().contains("X-Plex-Token", "account");
  }

  @Test
  void anotherAccountIsChosenByNameAndAnUnknownOneIsNamedWithTheOthers() {
    SourceCheck check = source(plex.token(), Optional.of("Guest"), List.of()).check();
    assertThat(check.users())
        .filteredOn(SourceCheck.User::selected)
        .extracting(u -> u.id())
        .containsExactly("2");

    assertProblem(
            () -> source(plex.token(), Optional.of("nobody"), List.of()).check(),
            Problem.BAD_SETTINGS)
        .contains("nobody", "owner (1)", "guest (2)");
  }

  @Test
  void anUnknownLibraryIsNamedWithTheServersLibraries() {
    assertProblem(
            () -> source(plex.token(), Optional.empty(), List.of("Films")).check(),
            Problem.BAD_SETTINGS)
        .contains("Films", "Movies (1)", "TV Shows (2)");
  }

  @Test
  void aWrongTokenIsUnauthorizedWithAdviceAndWithoutTheToken() {
    String wrong = "wrong-token-7d1e0b";
    assertProblem(() -> source(wrong, Optional.empty(), List.of()).check(), Problem.UNAUTHORIZED)
        .contains("X-Plex-Token", "as token")
        .doesNotContain(wrong);
    assertProblem(
            () ->
                source(wrong, Optional.empty(), List.of())
                    .movies()
                    .list(null, new ScanProblems(), new RecordingPages()),
            Problem.UNAUTHORIZED)
        .doesNotContain(wrong);
  }

  @Test
  void aServerOlderThanTheNewAgentsIsTooOld() {
    plex.version("1.19.5.3112-b23ab3896");
    assertProblem(() -> source(plex.token(), Optional.empty(), List.of()).check(), Problem.TOO_OLD)
        .contains("1.19.5", "1.20.0");
  }

  @Test
  void aWebPageOrAnotherServerIsNotThatServer() {
    plex.wireMock()
        .stubFor(
            get("/identity")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Welcome to nginx!</body></html>")));
    assertProblem(
            () -> source(plex.token(), Optional.empty(), List.of()).check(),
            Problem.NOT_THAT_SERVER)
        .contains("text/html", "32400");

    plex.wireMock()
        .stubFor(
            get("/identity")
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ServerName\":\"Jellyfin\",\"Version\":\"10.11.0\"}")));
    assertProblem(
        () -> source(plex.token(), Optional.empty(), List.of()).check(), Problem.NOT_THAT_SERVER);
  }

  @Test
  void aServerErrorIsRetried() {
    plex.wireMock()
        .stubFor(
            get(urlPathEqualTo("/library/sections/1/all"))
                .inScenario("fails once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("database is locked"))
                .willSetStateTo("failed"));
    RecordingPages pages = new RecordingPages();
    source(plex.token(), Optional.empty(), List.of())
        .movies()
        .list(null, new ScanProblems(), pages);

    assertThat(pages.ids()).containsExactly("1001", "1002", "1003");
    plex.wireMock().verify(2, getRequestedFor(urlPathEqualTo("/library/sections/1/all")));
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    plex.wireMock()
        .stubFor(
            get(urlPathEqualTo("/status/sessions/history/all"))
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("asked to wait"));
    assertThat(source(plex.token(), Optional.empty(), List.of()).playHistory(new ScanProblems()))
        .hasSize(5);

    List<LoggedRequest> tries =
        plex.wireMock().findAll(getRequestedFor(urlPathEqualTo("/status/sessions/history/all")));
    assertThat(tries).hasSize(2);
    // Suasor's own backoff is 10 ms here: only Retry-After makes the second try wait a second.
    assertThat(
            Duration.between(
                tries.get(0).getLoggedDate().toInstant(), tries.get(1).getLoggedDate().toInstant()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aServerSlowerThanTheReadTimeoutTimesOut() {
    plex.wireMock().stubFor(get("/").willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));
    PlexSource slow =
        new PlexSource(
            "Home",
            new ServerSourceSettings(
                plex.baseUrl(), Optional.empty(), List.of(), Map.of("token", plex.token())),
            PlexSourceTest.QUICK.withReadTimeout(Duration.ofMillis(200)));
    assertProblem(slow::check, Problem.TIMEOUT).contains("did not answer within 200 ms");
  }

  @Test
  void aSourceWithoutATokenSaysWhereToPutIt() {
    assertThatThrownBy(
            () ->
                new PlexSource(
                    "Home",
                    new ServerSourceSettings(plex.baseUrl(), Optional.empty(), List.of(), Map.of()),
                    PlexSourceTest.QUICK))
        .isInstanceOf(UnsupportedSourceException.class)
        .hasMessageContaining("X-Plex-Token")
        .hasMessageContaining("as token");
  }

  private static AbstractStringAssert<?> assertProblem(ThrowingCallable call, Problem problem) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown)
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    return assertThat(thrown.getMessage());
  }
}
