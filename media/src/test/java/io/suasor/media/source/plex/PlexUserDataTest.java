package io.suasor.media.source.plex;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourcePlay;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.testing.PlexStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlexSource}'s play history, played-state writes and playlists against {@link PlexStandIn},
 * a WireMock server answering in the shapes of Plex Media Server's OpenAPI description. What that
 * leaves untested: whether a real server filters its history by {@code accountID} and sorts it as
 * asked, how it counts a scrobble in {@code viewCount}, and smart playlists, whose items a real
 * server computes.
 */
class PlexUserDataTest {
  private PlexStandIn plex;

  @BeforeEach
  void start() {
    plex = PlexStandIn.start();
  }

  @AfterEach
  void stop() {
    plex.close();
  }

  private PlexSource source() {
    return PlexSourceTest.source(plex);
  }

  @Test
  void historyHoldsTheTokensAccountsPlaysNewestFirst() {
    List<SourcePlay> plays = source().playHistory(new ScanProblems());

    assertThat(plays)
        .extracting(SourcePlay::sourceItemId)
        .containsExactly("3004", "1001", "2005", "2004", "1001");
    assertThat(plays.get(1).playCount()).isEqualTo(2);
    assertThat(plays.get(4).playCount()).isEqualTo(1);
    assertThat(plays.get(0).playedAt()).isEqualTo(PlexStandIn.START.minus(Duration.ofDays(8)));
    assertThat(plays).allMatch(p -> p.playedPercentage() == 100);
    plex.wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/status/sessions/history/all"))
                .withQueryParam("accountID", equalTo(PlexStandIn.OWNER_ACCOUNT))
                .withQueryParam("sort", equalTo("viewedAt:desc")));
  }

  @Test
  void playedStateIsScrobbledAndUnscrobbled() {
    PlexSource source = source();
    source.setPlayed("1003", true, Instant.parse("2026-02-01T20:00:00Z"));
    source.setPlayed("1001", false, null);

    plex.wireMock()
        .verify(
            putRequestedFor(urlPathEqualTo("/:/scrobble"))
                .withQueryParam("identifier", equalTo("com.plexapp.plugins.library"))
                .withQueryParam("key", equalTo("1003")));
    plex.wireMock()
        .verify(
            putRequestedFor(urlPathEqualTo("/:/unscrobble"))
                .withQueryParam("identifier", equalTo("com.plexapp.plugins.library"))
                .withQueryParam("key", equalTo("1001")));
    assertThat(plex.item("1003").path("viewCount").asInt()).isEqualTo(1);
    assertThat(plex.item("1001").has("viewCount")).isFalse();
    assertThatThrownBy(() -> source.setPlayed("999999", true, null))
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> assertThat(e.problem()).isEqualTo(SourceHttpException.Problem.NOT_FOUND));
  }

  @Test
  void playlistsListTheirItemsInOrderAndLeavePhotosOut() {
    List<SourcePlaylist> playlists = source().playlists(new ScanProblems());
    assertThat(playlists)
        .containsExactly(
            new SourcePlaylist("5001", "Road Trip", List.of("3004", "3003")),
            new SourcePlaylist("5002", "Movie Night", List.of("1001", "1002")));
  }
}
