package io.suasor.media.source.subsonic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Subsonic source against a WireMock server answering in the shapes of the OpenSubsonic API
 * description, for what supysonic cannot show: token authentication (API 1.13+), servers too old or
 * not Subsonic at all, other servers' list and date shapes.
 */
class SubsonicAnswersTest {
  private static final String PASSWORD = "t0ken-Secret";

  private static WireMockServer wiremock;

  @BeforeAll
  static void start() {
    wiremock = new WireMockServer(options().dynamicPort().globalTemplating(true));
    wiremock.start();
  }

  @AfterAll
  static void stop() {
    wiremock.stop();
  }

  @BeforeEach
  void forgetStubsAndRequests() {
    wiremock.resetAll();
  }

  private SubsonicSource source() {
    return new SubsonicSource(
        "Navi",
        ServerSourceSettings.parse(
            "subsonic",
            "{\"url\": \"" + wiremock.baseUrl() + "\", \"user\": \"ann\"}",
            "{\"password\": \"" + PASSWORD + "\"}"),
        Listing.FAST);
  }

  private static String ok(String version, String body) {
    return "{\"subsonic-response\": {\"status\": \"ok\", \"version\": \""
        + version
        + "\""
        + (body.isEmpty() ? "" : ", " + body)
        + "}}";
  }

  private static String failed(String version, int code) {
    return "{\"subsonic-response\": {\"status\": \"failed\", \"version\": \""
        + version
        + "\", \"error\": {\"code\": "
        + code
        + ", \"message\": \"refused\"}}}";
  }

  private void answer(String method, String json) {
    wiremock.stubFor(get(urlPathEqualTo("/rest/" + method + ".view")).willReturn(okJson(json)));
  }

  @Test
  void aServerOfApi113OrLaterGetsASaltedTokenAndNeverThePassword() throws Exception {
    answer(
        "ping",
        "{\"subsonic-response\": {\"status\": \"ok\", \"version\": \"1.16.1\", \"type\":"
            + " \"navidrome\", \"serverVersion\": \"0.53.3\", \"openSubsonic\": true}}");
    answer("getUser", ok("1.16.1", "\"user\": {\"username\": \"ann\", \"adminRole\": false}"));
    answer(
        "getMusicFolders",
        ok("1.16.1", "\"musicFolders\": {\"musicFolder\": [{\"id\": 1, \"name\": \"Music\"}]}"));

    SourceCheck check = source().check();

    assertThat(check.product()).isEqualTo("navidrome");
    assertThat(check.version()).isEqualTo("0.53.3, API 1.16.1");
    assertThat(check.users()).containsExactly(new SourceCheck.User("ann", "ann", false, true));
    List<LoggedRequest> requests =
        new ArrayList<>(wiremock.findAll(getRequestedFor(urlPathEqualTo("/rest/getUser.view"))));
    requests.addAll(wiremock.findAll(getRequestedFor(urlPathEqualTo("/rest/ping.view"))));
    assertThat(requests).hasSize(2);
    for (LoggedRequest request : requests) {
      String salt = request.queryParameter("s").firstValue();
      assertThat(request.queryParameter("t").firstValue()).isEqualTo(md5(PASSWORD + salt));
      assertThat(request.queryParameter("p").isPresent()).isFalse();
      assertThat(request.queryParameter("u").firstValue()).isEqualTo("ann");
      assertThat(request.queryParameter("v").firstValue()).isEqualTo("1.13.0");
      assertThat(request.queryParameter("c").firstValue()).isEqualTo("suasor");
      assertThat(request.queryParameter("f").firstValue()).isEqualTo("json");
    }
    assertThat(requests.get(0).queryParameter("s").firstValue())
        .isNotEqualTo(requests.get(1).queryParameter("s").firstValue());
  }

  @Test
  void aServerRefusingTheTokenForThisUserGetsTheEncodedPassword() {
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/ping.view"))
            .withQueryParam("t", matching(".+"))
            .willReturn(okJson(failed("1.16.1", 41))));
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/ping.view"))
            .withQueryParam("t", absent())
            .withQueryParam("p", matching("enc:" + SubsonicApi.hex(PASSWORD)))
            .willReturn(okJson(ok("1.16.1", ""))));

    SubsonicSource source = source();

    assertThat(source.signsWithToken()).isFalse();
  }

  @Test
  void aServerOlderThanApi110IsTooOld() {
    answer("ping", failed("1.9.0", 30));

    assertThatThrownBy(() -> source().check())
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_OLD))
        .hasMessageContaining("1.9.0");
  }

  @Test
  void anAddressThatAnswersButNotAsSubsonicIsNotThatServer() {
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/ping.view"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Welcome</body></html>")));
    assertProblem(Problem.NOT_THAT_SERVER);

    answer("ping", "{\"ServerName\": \"Jellyfin\"}");
    assertProblem(Problem.NOT_THAT_SERVER);

    wiremock.resetAll();
    assertProblem(Problem.NOT_THAT_SERVER);
  }

  private void assertProblem(Problem problem) {
    assertThatThrownBy(() -> source().check())
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(problem));
  }

  @Test
  void errorsBecomeProblemsAndAnUnknownMethodIsABadResponse() {
    answer("ping", ok("1.16.1", ""));
    answer("getUser", failed("1.16.1", 70));
    assertProblem(Problem.NOT_FOUND);

    answer("getUser", failed("1.16.1", 40));
    assertProblem(Problem.UNAUTHORIZED);

    wiremock.stubFor(
        get(urlPathEqualTo("/rest/getStarred2.view"))
            .willReturn(aResponse().withStatus(404).withBody(failed("1.16.1", 0))));
    assertThatThrownBy(() -> source().favorites(new ScanProblems()))
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_RESPONSE))
        .hasMessageContaining("does not offer getStarred2");
  }

  @Test
  void aFailureWhoseAnswerEchoesTheRequestShowsNoTokenNorPassword() {
    answer("ping", ok("1.16.1", ""));
    answer("getUser", ok("1.16.1", "\"user\": {\"username\": \"ann\"}"));
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/getMusicFolders.view"))
            .willReturn(aResponse().withStatus(500).withBody("failed: {{request.url}}")));

    assertThatThrownBy(() -> source().check())
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(Problem.SERVER_ERROR);
              String token =
                  wiremock
                      .findAll(getRequestedFor(urlPathEqualTo("/rest/getMusicFolders.view")))
                      .get(0)
                      .queryParameter("t")
                      .firstValue();
              assertThat(e.getMessage())
                  .contains("failed: /rest/getMusicFolders.view?")
                  .contains("t=***")
                  .doesNotContain(token);
            });
  }

  @Test
  void aFailureWhoseAnswerEchoesTheRequestShowsNoEncodedPassword() {
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/ping.view"))
            .withQueryParam("t", matching(".+"))
            .willReturn(okJson(failed("1.10.2", 10))));
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/ping.view"))
            .withQueryParam("p", matching(".+"))
            .willReturn(okJson(ok("1.10.2", ""))));
    answer("getUser", ok("1.10.2", "\"user\": {\"username\": \"ann\"}"));
    wiremock.stubFor(
        get(urlPathEqualTo("/rest/getMusicFolders.view"))
            .willReturn(aResponse().withStatus(500).withBody("failed: {{request.url}}")));

    assertThatThrownBy(() -> source().check())
        .hasMessageContaining("&p=enc%3A***")
        .hasMessageNotContaining(SubsonicApi.hex(PASSWORD));
  }

  @Test
  void emptyListsSingleElementsAndDatesWithAZoneAreRead() {
    answer("ping", ok("1.16.1", ""));
    answer(
        "getStarred2",
        ok(
            "1.16.1",
            "\"starred2\": {\"song\": {\"id\": \"s1\", \"title\": \"Solo\", \"isDir\": false,"
                + " \"starred\": \"2024-05-06T07:08:09.123+02:00\"}}"));
    answer("getPlaylists", ok("1.16.1", "\"playlists\": {}"));

    Map<String, Instant> starred = source().starred(new ScanProblems());

    assertThat(starred)
        .containsExactly(Map.entry("track:s1", Instant.parse("2024-05-06T05:08:09.123Z")));
    assertThat(source().playlists(new ScanProblems())).isEqualTo(List.<SourcePlaylist>of());
  }

  @Test
  void onlyTheIncludedMusicFoldersAreListed() {
    answer("ping", ok("1.16.1", ""));
    answer(
        "getMusicFolders",
        ok(
            "1.16.1",
            "\"musicFolders\": {\"musicFolder\": [{\"id\": 1, \"name\": \"Music\"},"
                + " {\"id\": 2, \"name\": \"Jazz\"}]}"));
    answer(
        "getArtists",
        ok(
            "1.16.1",
            "\"artists\": {\"index\": {\"name\": \"M\", \"artist\": {\"id\": \"ar1\","
                + " \"name\": \"Miles\", \"albumCount\": 0}}}"));
    answer("getArtist", ok("1.16.1", "\"artist\": {\"id\": \"ar1\", \"name\": \"Miles\"}"));
    SubsonicSource source =
        new SubsonicSource(
            "Navi",
            ServerSourceSettings.parse(
                "subsonic",
                "{\"url\": \""
                    + wiremock.baseUrl()
                    + "\", \"user\": \"ann\", \"libraries\": [\"jazz\"]}",
                "{\"password\": \"" + PASSWORD + "\"}"),
            Listing.FAST);

    Listing listing = Listing.of(source.music(), null);

    assertThat(listing.items()).extracting(item -> item.id()).containsExactly("artist:ar1");
    List<LoggedRequest> artists =
        wiremock.findAll(getRequestedFor(urlPathEqualTo("/rest/getArtists.view")));
    assertThat(artists)
        .extracting(request -> request.queryParameter("musicFolderId").firstValue())
        .containsExactly("2");
  }

  private static String md5(String text) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
