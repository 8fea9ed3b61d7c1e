package io.suasor.media.source.jellyfin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.model.MediaType;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.testing.JellyfinSample;
import io.suasor.media.testing.JellyfinStandIn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Emby dialect of the Jellyfin client against {@link JellyfinStandIn} in its Emby flavour, a
 * WireMock server answering in the shapes of Emby 4.8's OpenAPI description (Emby.SDK). What that
 * leaves untested: how a real Emby server fills and orders what the description declares, how it
 * reads a {@code DatePlayed} without a zone (taken as UTC here), and Emby Premiere features.
 */
class EmbyClientTest {
  private JellyfinStandIn server;
  private JellyfinSample sample;

  @BeforeEach
  void start() {
    server = JellyfinStandIn.emby();
    sample = JellyfinSample.addTo(server);
    server.advance(Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void listsTheUsersItemsUnderEmbyWithItsKeyHeaderAndParameterNames() {
    Listing shows = Listing.of(Listing.emby(server, "").series(), null);

    assertThat(shows.titles()).hasSize(7).startsWith("Severance", "Season 1", "Season 2");
    assertThat(shows.item("Half Loop").parentId()).isEqualTo(server.idOf("Season 1"));
    assertThat(shows.item("Half Loop").seriesId()).isEqualTo(server.idOf("Severance"));
    assertThat(shows.item("Half Loop").id()).matches("\\d+");
    assertThat(shows.next).isEqualTo(server.now().minus(Duration.ofMinutes(1)));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/emby/Users/" + sample.aliceId() + "/Items"))
                .withHeader("X-Emby-Token", equalTo(JellyfinStandIn.API_KEY))
                .withHeader("Authorization", absent())
                .withQueryParam("IncludeItemTypes", equalTo("Episode"))
                .withQueryParam("Recursive", equalTo("true"))
                .withQueryParam("StartIndex", equalTo("0"))
                .withQueryParam("Limit", equalTo("200"))
                .withQueryParam("userId", absent()));
  }

  @Test
  void listsMoviesAndMusicWithTheUsersData() {
    JellyfinClient client = Listing.emby(server, "");

    Listing movies = Listing.of(client.movies(), null);
    Listing music = Listing.of(client.music(), null);

    assertThat(movies.item("Inception").watchState().playCount()).isEqualTo(2);
    assertThat(movies.item("Inception").watchState().favorite()).isTrue();
    assertThat(music.types())
        .containsExactly(
            MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK, MediaType.TRACK, MediaType.TRACK);
    assertThat(music.item("Sinnerman").parentId()).isEqualTo(server.idOf("Pastel Blues"));
  }

  @Test
  void listsALibrarysArtistsThroughEmbysAlbumArtists() {
    Listing music = Listing.of(Listing.emby(server, "\"libraries\": [\"Music\"]").music(), null);

    assertThat(music.types())
        .containsExactly(
            MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK, MediaType.TRACK, MediaType.TRACK);
    assertThat(music.item("Pastel Blues").parentId()).isEqualTo(server.idOf("Nina Simone"));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/emby/Artists/AlbumArtists"))
                .withHeader("X-Emby-Token", equalTo(JellyfinStandIn.API_KEY))
                .withQueryParam("ParentId", equalTo(sample.musicId()))
                .withQueryParam("UserId", equalTo(sample.aliceId()))
                .withQueryParam("EnableUserData", equalTo("true"))
                .withQueryParam("StartIndex", equalTo("0")));
  }

  @Test
  void anIncrementalListingUsesEmbysChangedSinceFilters() {
    JellyfinClient client = Listing.emby(server, "");
    Listing first = Listing.of(client.movies(), null);
    server.advance(Duration.ofHours(1));
    server.userData(sample.aliceId(), server.idOf("Heat"), data -> data.put("IsFavorite", true));

    Listing changed = Listing.of(client.movies(), first.next);

    assertThat(changed.titles()).containsExactly("Heat");
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/emby/Users/" + sample.aliceId() + "/Items"))
                .withQueryParam("MinDateLastSavedForUser", equalTo(first.next.toString())));
  }

  @Test
  void checkReadsEmbysUserAndLibraryQueries() {
    SourceCheck check = Listing.emby(server, "\"libraries\": [\"Music\"]").check();

    assertThat(check.product()).isEqualTo("Emby Server");
    assertThat(check.version()).isEqualTo("4.8.11.0");
    assertThat(check.users()).extracting(SourceCheck.User::name).containsExactly("alice", "bob");
    assertThat(check.users())
        .filteredOn(SourceCheck.User::selected)
        .extracting(SourceCheck.User::name)
        .containsExactly("alice");
    assertThat(check.libraries())
        .filteredOn(SourceCheck.Library::included)
        .containsExactly(new SourceCheck.Library(sample.musicId(), "Music", "music", true));
    server.wireMock().verify(getRequestedFor(urlPathEqualTo("/emby/System/Info/Public")));
    server.wireMock().verify(getRequestedFor(urlPathEqualTo("/emby/Users/Query")));
    server.wireMock().verify(getRequestedFor(urlPathEqualTo("/emby/Library/VirtualFolders/Query")));
  }

  @Test
  void readsFavouritesAndPlaylists() {
    JellyfinClient client = Listing.emby(server, "");

    assertThat(client.favorites(new ScanProblems()))
        .containsExactlyInAnyOrder(server.idOf("Inception"), server.idOf("Be My Husband"));
    assertThat(client.playlists(new ScanProblems()))
        .singleElement()
        .satisfies(p -> assertThat(p.itemIds()).hasSize(3));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/emby/Playlists/" + server.idOf("Evening") + "/Items"))
                .withQueryParam("UserId", equalTo(sample.aliceId())));
  }

  @Test
  void writesFavouritesAndPlayedStateToEmbysPaths() {
    JellyfinClient client = Listing.emby(server, "");
    String heat = server.idOf("Heat");
    String userItems = "/emby/Users/" + sample.aliceId();

    client.setFavorite(heat, true);
    client.setPlayed(heat, true, Instant.parse("2025-02-20T22:15:07Z"));

    server
        .wireMock()
        .verify(postRequestedFor(urlPathEqualTo(userItems + "/FavoriteItems/" + heat)));
    server
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo(userItems + "/PlayedItems/" + heat))
                .withQueryParam("DatePlayed", equalTo("20250220221507")));
    assertThat(server.userData(sample.aliceId(), heat).get("LastPlayedDate").asText())
        .isEqualTo("2025-02-20T22:15:07Z");

    client.setFavorite(heat, false);
    client.setPlayed(heat, false, null);

    server
        .wireMock()
        .verify(deleteRequestedFor(urlPathEqualTo(userItems + "/FavoriteItems/" + heat)));
    server
        .wireMock()
        .verify(deleteRequestedFor(urlPathEqualTo(userItems + "/PlayedItems/" + heat)));
    assertThat(server.userData(sample.aliceId(), heat).get("IsFavorite").asBoolean()).isFalse();
    assertThat(server.userData(sample.aliceId(), heat).get("Played").asBoolean()).isFalse();
  }

  @Test
  void aJellyfinServerAtAnEmbySourceIsNotThatServer() {
    try (JellyfinStandIn jellyfin = JellyfinStandIn.jellyfin()) {
      JellyfinSample.addTo(jellyfin);

      assertThatThrownBy(Listing.emby(jellyfin, "")::check)
          .isInstanceOfSatisfying(
              SourceHttpException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.NOT_THAT_SERVER))
          .hasMessageContaining("is a Jellyfin server (version 10.11.11)")
          .hasMessageContaining("make it a Jellyfin source");
    }
  }

  @Test
  void anOldEmbyIsTooOld() {
    server.version("4.6.7.0");

    assertThatThrownBy(Listing.emby(server, "")::check)
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_OLD))
        .hasMessageContaining("Emby 4.7 or later");
  }

  @Test
  void aRefusedKeySaysWhereEmbyMakesKeys() {
    JellyfinClient client =
        JellyfinClient.emby(
            "Den",
            ServerSourceSettings.parse(
                "emby", server.config(""), "{\"apiKey\": \"not-the-key-44\"}"),
            Listing.FAST);

    assertThatThrownBy(() -> client.favorites(new ScanProblems()))
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHORIZED))
        .hasMessageContaining("Emby's Settings → API Keys")
        .hasMessageNotContaining("not-the-key-44");
  }
}
