package io.suasor.media.source.jellyfin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.UnsupportedSourceException;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.testing.JellyfinSample;
import io.suasor.media.testing.JellyfinStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the Jellyfin client fails, against {@link JellyfinStandIn} (a WireMock server answering in
 * the shapes of Jellyfin 10.11's and Emby 4.8's OpenAPI descriptions) with faults stubbed over it.
 * What that leaves untested: TLS failures, a real server's own error bodies and its rate limiting,
 * and proxies in front of it.
 */
class JellyfinFailuresTest {
  private JellyfinStandIn server;

  @BeforeEach
  void start() {
    server = JellyfinStandIn.jellyfin();
    JellyfinSample.addTo(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRefusedKeyIsUnauthorizedWithAdviceAndWithoutTheKey() {
    String wrongKey = "wrong-key-Zq81mV3x";
    JellyfinClient client =
        JellyfinClient.jellyfin(
            "Home",
            ServerSourceSettings.parse(
                "jellyfin", server.config(""), "{\"apiKey\": \"" + wrongKey + "\"}"),
            Listing.FAST);

    assertThatThrownBy(client::check)
        .satisfies(e -> assertProblem(e, Problem.UNAUTHORIZED))
        .hasMessageContaining("Dashboard → API Keys")
        .hasMessageContaining("apiKey")
        .hasMessageContaining("Jellyfin source 'Home'")
        .hasMessageNotContaining(wrongKey);
  }

  @Test
  void aSourceWithoutAKeySaysWhereToMakeOne() {
    ServerSourceSettings noKey = ServerSourceSettings.parse("jellyfin", server.config(""), null);

    assertThatThrownBy(() -> JellyfinClient.jellyfin("Home", noKey, Listing.FAST))
        .isInstanceOf(UnsupportedSourceException.class)
        .hasMessageContaining("Dashboard → API Keys");
  }

  @Test
  void aServerErrorIsRetriedUntilItAnswers() {
    server
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/Items"))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("database is locked"))
                .willSetStateTo("recovered"));

    Listing movies = Listing.of(Listing.jellyfin(server, "").movies(), null);

    assertThat(movies.titles()).containsExactly("Inception", "Arrival", "Heat");
    server.wireMock().verify(2, getRequestedFor(urlPathEqualTo("/Items")));
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
    server
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/Items"))
                .atPriority(1)
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("free"));

    Listing movies = Listing.of(Listing.jellyfin(server, "").movies(), null);

    assertThat(movies.titles()).hasSize(3);
    List<LoggedRequest> tries =
        server.wireMock().findAll(getRequestedFor(urlPathEqualTo("/Items")));
    assertThat(tries).hasSize(2);
    long waited = tries.get(1).getLoggedDate().getTime() - tries.get(0).getLoggedDate().getTime();
    assertThat(waited).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void aServerSlowerThanTheReadTimeoutIsATimeout() {
    server
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/Items"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(1_500).withBody("{}")));
    HttpSettings impatient =
        new HttpSettings(
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            2,
            Duration.ofMillis(10),
            Duration.ofMillis(10),
            Duration.ofSeconds(5),
            3);
    JellyfinClient client =
        JellyfinClient.jellyfin("Home", Listing.settings(server, ""), impatient);

    assertThatThrownBy(() -> Listing.of(client.movies(), null))
        .satisfies(e -> assertProblem(e, Problem.TIMEOUT))
        .hasMessageContaining("did not answer within 500 ms");
  }

  @Test
  void aPortNobodyListensOnIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ServerSourceSettings settings =
        ServerSourceSettings.parse(
            "jellyfin", "{\"url\": \"http://127.0.0.1:" + port + "\"}", JellyfinStandIn.secrets());

    assertThatThrownBy(() -> JellyfinClient.jellyfin("Home", settings, Listing.FAST).check())
        .satisfies(e -> assertProblem(e, Problem.UNREACHABLE))
        .hasMessageContaining("check the host and port");
  }

  @Test
  void aWebPageAtTheUrlIsNotThatServer() {
    server
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/System/Info/Public"))
                .atPriority(1)
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><body>Welcome to nginx!</body></html>")));

    assertThatThrownBy(Listing.jellyfin(server, "")::check)
        .satisfies(e -> assertProblem(e, Problem.NOT_THAT_SERVER))
        .hasMessageContaining("text/html");
  }

  @Test
  void aServerWithoutTheApiIsNotThatServer() {
    server
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/System/Info/Public"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

    assertThatThrownBy(() -> Listing.of(Listing.jellyfin(server, "").movies(), null))
        .satisfies(e -> assertProblem(e, Problem.NOT_THAT_SERVER))
        .hasMessageContaining("has no Jellyfin server information");
  }

  @Test
  void anEmbyServerAtAJellyfinSourceIsNotThatServerAndSaysWhatItIs() {
    try (JellyfinStandIn emby = JellyfinStandIn.emby()) {
      JellyfinSample.addTo(emby);

      assertThatThrownBy(Listing.jellyfin(emby, "")::check)
          .satisfies(e -> assertProblem(e, Problem.NOT_THAT_SERVER))
          .hasMessageContaining("is an Emby server (version 4.8.11.0)")
          .hasMessageContaining("make it an Emby source");
    }
  }

  @Test
  void anOldServerIsTooOldAndSaysWhichVersionIsNeeded() {
    server.version("10.8.13");

    assertThatThrownBy(Listing.jellyfin(server, "")::check)
        .satisfies(e -> assertProblem(e, Problem.TOO_OLD))
        .hasMessageContaining("10.8.13")
        .hasMessageContaining("Jellyfin 10.9 or later");
  }

  @Test
  void theKeyNeverAppearsInAMessageEvenWhenTheServerEchoesIt() {
    String echo = "bad request for key " + JellyfinStandIn.API_KEY;
    server
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/Items"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody(echo)));
    server
        .wireMock()
        .stubFor(
            post(urlPathEqualTo("/UserFavoriteItems/x"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody(echo)));
    JellyfinClient client = Listing.jellyfin(server, "");

    for (ThrowingCallable failing :
        List.<ThrowingCallable>of(
            () -> Listing.of(client.movies(), null),
            () -> client.favorites(new ScanProblems()),
            () -> client.setFavorite("x", true))) {
      assertThatThrownBy(failing)
          .isInstanceOf(SourceHttpException.class)
          .satisfies(e -> assertThat(messages(e)).doesNotContain(JellyfinStandIn.API_KEY));
    }
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  private static void assertProblem(Throwable e, Problem problem) {
    assertThat(e).isInstanceOf(SourceHttpException.class);
    assertThat(((SourceHttpException) e).problem()).isEqualTo(problem);
    assertThat(messages(e)).doesNotContain(JellyfinStandIn.API_KEY);
  }
}
