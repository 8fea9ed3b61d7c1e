package io.suasor.media.source.jellyfin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourcePlay;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.testing.JellyfinSample;
import io.suasor.media.testing.JellyfinStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jellyfin client's check, choice of user, favourites, history, playlists and write-backs
 * against {@link JellyfinStandIn}, a WireMock server answering in the shapes of Jellyfin 10.11's
 * OpenAPI description. What that leaves untested: a real server's permissions (an API key of a user
 * who is not an administrator), its own play history plugins, and versions other than the one
 * described.
 */
class JellyfinClientTest {
  private JellyfinStandIn server;
  private JellyfinSample sample;

  @BeforeEach
  void start() {
    server = JellyfinStandIn.jellyfin();
    sample = JellyfinSample.addTo(server);
    server.advance(Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSettingsUserChoosesWhoseDataIsRead() {
    Listing bobs = Listing.of(Listing.jellyfin(server, "\"user\": \"Bob\"").movies(), null);

    assertThat(bobs.item("Inception").watchState().favorite()).isFalse();
    assertThat(bobs.item("Inception").watchState().playCount()).isZero();
  }

  @Test
  void severalAdministratorsAndNoUserSetIsABadSettingNamingThem() {
    server.addUser("carol", true);

    assertThatThrownBy(() -> Listing.jellyfin(server, "").favorites(new ScanProblems()))
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_SETTINGS))
        .hasMessageContaining("alice, bob, carol")
        .hasMessageContaining("set user");
  }

  @Test
  void checkAnswersTheServerItsUsersAndLibraries() {
    SourceCheck check = Listing.jellyfin(server, "").check();

    assertThat(check.serverName()).isEqualTo("standin");
    assertThat(check.product()).isEqualTo("Jellyfin Server");
    assertThat(check.version()).isEqualTo("10.11.11");
    assertThat(check.users())
        .containsExactly(
            new SourceCheck.User(sample.aliceId(), "alice", true, true),
            new SourceCheck.User(sample.bobId(), "bob", false, false));
    assertThat(check.libraries())
        .containsExactly(
            new SourceCheck.Library(sample.moviesId(), "Movies", "movies", true),
            new SourceCheck.Library(sample.showsId(), "Shows", "tvshows", true),
            new SourceCheck.Library(sample.musicId(), "Music", "music", true));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/System/Info/Public"))
                .withHeader("Authorization", absent()));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/Users"))
                .withHeader(
                    "Authorization",
                    equalTo("MediaBrowser Token=\"" + JellyfinStandIn.API_KEY + "\"")));
  }

  @Test
  void readsFavouritesHistoryAndPlaylists() {
    JellyfinClient client = Listing.jellyfin(server, "");

    assertThat(client.favorites(new ScanProblems()))
        .containsExactlyInAnyOrder(server.idOf("Inception"), server.idOf("Be My Husband"));
    assertThat(client.playHistory(new ScanProblems()))
        .containsExactlyInAnyOrder(
            new SourcePlay(server.idOf("Inception"), Instant.parse("2025-02-01T20:00:00Z"), 2, 100),
            new SourcePlay(
                server.idOf("Good News About Hell"),
                Instant.parse("2025-02-10T21:30:00Z"),
                1,
                100));
    assertThat(client.playlists(new ScanProblems()))
        .containsExactly(
            new SourcePlaylist(
                server.idOf("Evening"),
                "Evening",
                List.of(
                    server.idOf("Sinnerman"),
                    server.idOf("Be My Husband"),
                    server.idOf("Nobody Knows You When You're Down and Out"))));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/Items"))
                .withQueryParam("isFavorite", equalTo("true")));
  }

  @Test
  void writesFavouritesAndPlayedStateBack() {
    JellyfinClient client = Listing.jellyfin(server, "");
    String heat = server.idOf("Heat");
    Instant watched = Instant.parse("2025-02-20T22:15:00Z");

    client.setFavorite(heat, true);
    client.setPlayed(heat, true, watched);

    server
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo("/UserFavoriteItems/" + heat))
                .withQueryParam("userId", equalTo(sample.aliceId())));
    server
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo("/UserPlayedItems/" + heat))
                .withQueryParam("userId", equalTo(sample.aliceId()))
                .withQueryParam("datePlayed", equalTo("2025-02-20T22:15:00Z")));
    assertThat(server.userData(sample.aliceId(), heat).get("IsFavorite").asBoolean()).isTrue();
    assertThat(server.userData(sample.aliceId(), heat).get("LastPlayedDate").asText())
        .isEqualTo(watched.toString());

    client.setFavorite(heat, false);
    client.setPlayed(heat, false, null);

    server
        .wireMock()
        .verify(
            deleteRequestedFor(urlPathEqualTo("/UserFavoriteItems/" + heat))
                .withQueryParam("userId", equalTo(sample.aliceId())));
    server
        .wireMock()
        .verify(
            deleteRequestedFor(urlPathEqualTo("/UserPlayedItems/" + heat))
                .withQueryParam("datePlayed", absent()));
    assertThat(server.userData(sample.aliceId(), heat).get("IsFavorite").asBoolean()).isFalse();
    assertThat(server.userData(sample.aliceId(), heat).get("Played").asBoolean()).isFalse();
  }
}
