package io.suasor.media.source.jellyfin;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.WatchState;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.testing.JellyfinSample;
import io.suasor.media.testing.JellyfinStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jellyfin client's catalogs against {@link JellyfinStandIn}, a WireMock server answering in
 * the shapes of Jellyfin 10.11's OpenAPI description. What that leaves untested: how a real server
 * fills the fields the description only declares (which it omits, how it orders ties, which artists
 * {@code /Artists/AlbumArtists} counts as a library's), how it compares {@code minDateLastSaved*}
 * dates to the tick, and versions other than the one described.
 */
class JellyfinCatalogTest {
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
  void listsMoviesWithMetadataAndTheUsersData() {
    Listing movies = Listing.of(Listing.jellyfin(server, "").movies(), null);

    assertThat(movies.titles()).containsExactly("Inception", "Arrival", "Heat");
    assertThat(movies.expected).isEqualTo(3);
    assertThat(movies.next).isEqualTo(server.now().minus(Duration.ofMinutes(1)));
    SourceItem inception = movies.item("Inception");
    assertThat(inception.type()).isEqualTo(MediaType.MOVIE);
    assertThat(inception.id()).isEqualTo(server.idOf("Inception"));
    assertThat(inception.parentId()).isNull();
    assertThat(inception.metadata().externalIds())
        .isEqualTo(Map.of(ExternalProvider.IMDB, "tt1375666", ExternalProvider.TMDB, "27205"));
    assertThat(inception.metadata().year()).isEqualTo(2010);
    assertThat(inception.metadata().premiered()).isEqualTo(LocalDate.of(2010, 6, 1));
    assertThat(inception.metadata().durationSeconds()).isEqualTo(7200);
    assertThat(inception.metadata().rating()).isEqualTo(8.4);
    assertThat(inception.metadata().studio()).isEqualTo("Legendary Pictures");
    assertThat(inception.metadata().overview()).isEqualTo("About Inception.");
    assertThat(inception.metadata().genres()).containsExactly("Science Fiction", "Action");
    assertThat(inception.metadata().credits())
        .containsExactly(
            new Credit("Leonardo DiCaprio", CreditRole.ACTOR, "Cobb", 0),
            new Credit("Christopher Nolan", CreditRole.DIRECTOR, null, 1),
            new Credit("Hans Zimmer", CreditRole.COMPOSER, null, 2));
    assertThat(inception.watchState())
        .isEqualTo(new WatchState(2, Instant.parse("2025-02-01T20:00:00Z"), true, 9.0, true, null));
    assertThat(movies.item("Arrival").watchState())
        .isEqualTo(new WatchState(0, null, false, null, false, 40.0));
    assertThat(movies.problems.list()).isEmpty();
  }

  @Test
  void listsSeriesThenSeasonsThenEpisodesWithTheirParents() {
    Listing shows = Listing.of(Listing.jellyfin(server, "").series(), null);

    assertThat(shows.types())
        .containsExactly(
            MediaType.SERIES,
            MediaType.SEASON,
            MediaType.SEASON,
            MediaType.EPISODE,
            MediaType.EPISODE,
            MediaType.EPISODE,
            MediaType.EPISODE);
    assertThat(shows.expected).isEqualTo(7);
    String series = server.idOf("Severance");
    SourceItem seasonTwo = shows.item("Season 2");
    assertThat(seasonTwo.parentId()).isEqualTo(series);
    assertThat(seasonTwo.numbering()).isEqualTo(Numbering.season(2));
    SourceItem episode = shows.item("Hello, Ms. Cobel");
    assertThat(episode.parentId()).isEqualTo(seasonTwo.id());
    assertThat(episode.seriesId()).isEqualTo(series);
    assertThat(episode.numbering()).isEqualTo(Numbering.episode(2, 1));
    assertThat(shows.item("Severance").metadata().externalIds())
        .containsEntry(ExternalProvider.TVDB, "371980");
    assertThat(shows.item("Good News About Hell").watchState().watched()).isTrue();
  }

  @Test
  void listsArtistsThenAlbumsThenTracksWithTheirOwnMusicBrainzIds() {
    Listing music = Listing.of(Listing.jellyfin(server, "").music(), null);

    assertThat(music.types())
        .containsExactly(
            MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK, MediaType.TRACK, MediaType.TRACK);
    SourceItem artist = music.item("Nina Simone");
    SourceItem album = music.item("Pastel Blues");
    SourceItem sinnerman = music.item("Sinnerman");
    assertThat(artist.metadata().externalIds())
        .containsExactly(
            Map.entry(ExternalProvider.MUSICBRAINZ, "af8e4cc5-ef54-458d-a194-7b210acf638f"));
    assertThat(album.parentId()).isEqualTo(artist.id());
    assertThat(album.metadata().externalIds())
        .containsExactly(
            Map.entry(ExternalProvider.MUSICBRAINZ, "9e2b2f3c-4d55-4a6e-8f0c-3b1d6b2f4f11"));
    assertThat(sinnerman.parentId()).isEqualTo(album.id());
    assertThat(sinnerman.numbering()).isEqualTo(Numbering.track(1, 3));
    assertThat(sinnerman.metadata().externalIds())
        .containsExactly(
            Map.entry(ExternalProvider.MUSICBRAINZ, "5b1e2c3d-0a9f-4e8d-b7c6-1a2b3c4d5e6f"));
    assertThat(sinnerman.metadata().credits())
        .containsExactly(new Credit("Nina Simone", CreditRole.ARTIST, null, 0));
    assertThat(sinnerman.metadata().durationSeconds()).isEqualTo(240);
    assertThat(music.item("Be My Husband").watchState().favorite()).isTrue();
  }

  @Test
  void listsALibrarysArtistsThroughAlbumArtistsPagedWithTheUsersData() {
    for (int i = 0; i < 250; i++) {
      server.artist(sample.musicId(), "Artist " + i);
    }
    server.userData(
        sample.aliceId(), server.idOf("Nina Simone"), data -> data.put("IsFavorite", true));
    JellyfinClient client = Listing.jellyfin(server, "\"libraries\": [\"Music\"]");

    Listing music = Listing.of(client.music(), null);

    assertThat(music.types()).filteredOn(MediaType.ARTIST::equals).hasSize(251);
    assertThat(music.types().subList(0, 251)).containsOnly(MediaType.ARTIST);
    assertThat(music.item("Nina Simone").watchState().favorite()).isTrue();
    assertThat(music.expected).isEqualTo(251 + 1 + 3);
    for (String start : List.of("0", "200")) {
      server
          .wireMock()
          .verify(
              getRequestedFor(urlPathEqualTo("/Artists/AlbumArtists"))
                  .withQueryParam("parentId", equalTo(sample.musicId()))
                  .withQueryParam("userId", equalTo(sample.aliceId()))
                  .withQueryParam("enableUserData", equalTo("true"))
                  .withQueryParam("startIndex", equalTo(start))
                  .withQueryParam("limit", equalTo("200")));
    }
    server
        .wireMock()
        .verify(
            0,
            getRequestedFor(urlPathEqualTo("/Items"))
                .withQueryParam("includeItemTypes", containing("MusicArtist")));
    assertThat(client.favorites(new ScanProblems())).contains(server.idOf("Nina Simone"));
  }

  @Test
  void anIncrementalListingStillHandsEveryArtist() {
    JellyfinClient client = Listing.jellyfin(server, "\"libraries\": [\"Music\"]");
    Listing first = Listing.of(client.music(), null);
    server.advance(Duration.ofHours(1));
    server.change(server.idOf("Sinnerman"), item -> item.put("Overview", "Ten minutes long."));

    Listing changed = Listing.of(client.music(), first.next);

    assertThat(changed.titles()).containsExactly("Nina Simone", "Sinnerman");
    assertThat(changed.item("Nina Simone").entry().fingerprint())
        .isEqualTo(first.item("Nina Simone").entry().fingerprint());
    server
        .wireMock()
        .verify(
            0,
            getRequestedFor(urlPathEqualTo("/Artists/AlbumArtists"))
                .withQueryParam("minDateLastSaved", matching(".*")));
  }

  @Test
  void followsThePagesToTheEnd() {
    for (int i = 0; i < 450; i++) {
      server.movie(sample.moviesId(), "Movie " + i, 1950 + i % 70);
    }

    Listing movies = Listing.of(Listing.jellyfin(server, "").movies(), null);

    assertThat(movies.items()).hasSize(453);
    assertThat(movies.pages).extracting(List::size).containsExactly(200, 200, 53);
    assertThat(movies.expected).isEqualTo(453);
    assertThat(movies.items()).extracting(SourceItem::id).doesNotHaveDuplicates();
    for (String start : List.of("0", "200", "400")) {
      server
          .wireMock()
          .verify(
              getRequestedFor(urlPathEqualTo("/Items"))
                  .withQueryParam("startIndex", equalTo(start))
                  .withQueryParam("limit", equalTo("200"))
                  .withQueryParam("recursive", equalTo("true"))
                  .withQueryParam("enableUserData", equalTo("true"))
                  .withQueryParam("userId", equalTo(sample.aliceId()))
                  .withQueryParam("includeItemTypes", equalTo("Movie")));
    }
  }

  @Test
  void listsOnlyTheIncludedLibraries() {
    JellyfinClient client = Listing.jellyfin(server, "\"libraries\": [\"movies\"]");

    assertThat(Listing.of(client.movies(), null).titles()).hasSize(3);
    assertThat(Listing.of(client.series(), null).items()).isEmpty();
    assertThat(Listing.of(client.music(), null).items()).isEmpty();
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/Items"))
                .withQueryParam("parentId", equalTo(sample.moviesId())));
    server
        .wireMock()
        .verify(0, getRequestedFor(urlPathEqualTo("/Items")).withQueryParam("parentId", absent()));
    assertThat(client.check().libraries())
        .extracting(SourceCheck.Library::name, SourceCheck.Library::included)
        .containsExactly(tuple("Movies", true), tuple("Shows", false), tuple("Music", false));
  }

  @Test
  void aLibraryTheServerLacksIsABadSettingNamingTheLibraries() {
    JellyfinClient client = Listing.jellyfin(server, "\"libraries\": [\"Films\"]");

    assertThatThrownBy(() -> Listing.of(client.movies(), null))
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_SETTINGS))
        .hasMessageContaining("'Films'")
        .hasMessageContaining("Movies, Shows, Music");
  }

  @Test
  void anIncrementalListingAsksForChangedMetadataAndUserDataAndGetsOnlyThose() {
    JellyfinClient client = Listing.jellyfin(server, "");
    Listing first = Listing.of(client.movies(), null);
    server.advance(Duration.ofHours(1));
    server.change(server.idOf("Heat"), item -> item.put("Overview", "A heist in Los Angeles."));
    server.userData(sample.aliceId(), server.idOf("Arrival"), data -> data.put("Played", true));

    Listing changed = Listing.of(client.movies(), first.next);

    assertThat(changed.titles()).containsExactlyInAnyOrder("Heat", "Arrival");
    assertThat(changed.item("Heat").metadata().overview()).isEqualTo("A heist in Los Angeles.");
    assertThat(changed.item("Arrival").watchState().watched()).isTrue();
    assertThat(changed.item("Heat").entry().fingerprint())
        .isNotEqualTo(first.item("Heat").entry().fingerprint());
    assertThat(changed.next).isEqualTo(server.now().minus(Duration.ofMinutes(1)));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/Items"))
                .withQueryParam("minDateLastSaved", equalTo(first.next.toString())));
    server
        .wireMock()
        .verify(
            getRequestedFor(urlPathEqualTo("/Items"))
                .withQueryParam("minDateLastSavedForUser", equalTo(first.next.toString())));
  }

  @Test
  void anUnchangedItemKeepsItsFingerprint() {
    JellyfinClient client = Listing.jellyfin(server, "");
    Listing first = Listing.of(client.series(), null);
    server.advance(Duration.ofHours(1));

    Listing second = Listing.of(client.series(), null);

    assertThat(second.items())
        .extracting(item -> item.entry().fingerprint())
        .containsExactlyElementsOf(
            first.items().stream().map(i -> i.entry().fingerprint()).toList());
  }

  @Test
  void aRemovedItemIsNoLongerListed() {
    JellyfinClient client = Listing.jellyfin(server, "");
    server.remove(server.idOf("Heat"));
    server.remove(server.idOf("Season 2"));

    assertThat(Listing.of(client.movies(), null).titles()).containsExactly("Inception", "Arrival");
    assertThat(Listing.of(client.series(), null).titles())
        .containsExactly("Severance", "Season 1", "Good News About Hell", "Half Loop");
  }

  @Test
  void anItemWithoutANameIsReportedAndSkipped() {
    server.change(server.idOf("Heat"), item -> item.put("Name", ""));

    Listing movies = Listing.of(Listing.jellyfin(server, "").movies(), null);

    assertThat(movies.titles()).containsExactly("Inception", "Arrival");
    assertThat(movies.problems.list())
        .singleElement()
        .satisfies(p -> assertThat(p.problem()).contains("without a name"));
  }
}
