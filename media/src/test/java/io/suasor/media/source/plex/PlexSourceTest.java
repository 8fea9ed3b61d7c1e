package io.suasor.media.source.plex;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.WatchState;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.testing.PlexStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlexSource}'s catalogs against {@link PlexStandIn}, a WireMock server answering in the
 * shapes of Plex Media Server's OpenAPI description (plex-api-spec.yaml, API 1.1.1) and its notes
 * on paging and media queries. What that leaves untested: a real server's answers where they differ
 * from the description (fields it adds or leaves out, how it sorts, whether it honours {@code
 * accountID} and both date filters as the description says), XML-only servers, Plex's own
 * media-query parser, and servers older than the published API.
 */
class PlexSourceTest {
  static final HttpSettings QUICK =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          3,
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          Duration.ofSeconds(5),
          3);

  private PlexStandIn plex;

  @BeforeEach
  void start() {
    plex = PlexStandIn.start();
  }

  @AfterEach
  void stop() {
    plex.close();
  }

  static PlexSource source(PlexStandIn plex, String... libraries) {
    return new PlexSource(
        "Home",
        new ServerSourceSettings(
            plex.baseUrl(), Optional.empty(), List.of(libraries), Map.of("token", plex.token())),
        QUICK);
  }

  @Test
  void moviesCarryMetadataIdsAndTheTokensViewState() {
    RecordingPages pages = new RecordingPages();
    Instant next = source(plex).movies().list(null, new ScanProblems(), pages);

    assertThat(next).isEqualTo(plex.now().minus(Duration.ofMinutes(1)));
    assertThat(pages.ids()).containsExactly("1001", "1002", "1003");
    assertThat(pages.expected).containsExactly(3L);
    SourceItem matrix = pages.item("1001");
    assertThat(matrix.type()).isEqualTo(MediaType.MOVIE);
    assertThat(matrix.parentId()).isNull();
    assertThat(matrix.metadata().title()).isEqualTo("The Matrix");
    assertThat(matrix.metadata().sortTitle()).isEqualTo("Matrix");
    assertThat(matrix.metadata().year()).isEqualTo(1999);
    assertThat(matrix.metadata().premiered()).isEqualTo(LocalDate.of(1999, 3, 31));
    assertThat(matrix.metadata().studio()).isEqualTo("Warner Bros.");
    assertThat(matrix.metadata().rating()).isEqualTo(8.5);
    assertThat(matrix.metadata().durationSeconds()).isEqualTo(8160);
    assertThat(matrix.metadata().externalIds())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ExternalProvider.IMDB, "tt0133093", ExternalProvider.TMDB, "603"));
    assertThat(matrix.metadata().genres()).containsExactly("Action", "Science Fiction");
    assertThat(matrix.metadata().credits())
        .contains(
            new Credit("Keanu Reeves", CreditRole.ACTOR, "Neo", 0),
            new Credit("Lana Wachowski", CreditRole.DIRECTOR, null, 0),
            new Credit("Lana Wachowski", CreditRole.WRITER, null, 0));
    WatchState watched = matrix.watchState();
    assertThat(watched.playCount()).isEqualTo(2);
    assertThat(watched.watched()).isTrue();
    assertThat(watched.lastPlayed()).isEqualTo(PlexStandIn.START.minus(Duration.ofDays(10)));
    assertThat(watched.userRating()).isEqualTo(9.0);
    assertThat(watched.favorite()).isNull();

    SourceItem amelie = pages.item("1002");
    assertThat(amelie.metadata().originalTitle()).isEqualTo("Le Fabuleux Destin d'Amélie Poulain");
    assertThat(amelie.metadata().externalIds()).containsEntry(ExternalProvider.IMDB, "tt0211915");
    assertThat(amelie.watchState().watched()).isFalse();
    assertThat(amelie.watchState().resumePercent()).isEqualTo(50.0);
    assertThat(pages.item("1003").metadata().externalIds()).isEmpty();

    LoggedRequest listing =
        plex.wireMock().findAll(getRequestedFor(urlPathEqualTo("/library/sections/1/all"))).get(0);
    assertThat(listing.queryParameter("type").firstValue()).isEqualTo("1");
    assertThat(listing.queryParameter("includeGuids").firstValue()).isEqualTo("1");
    assertThat(listing.getHeader("X-Plex-Token")).isEqualTo(plex.token());
    assertThat(listing.getHeader("Accept")).isEqualTo("application/json");
    assertThat(listing.getHeader("X-Plex-Client-Identifier")).isNotBlank();
    assertThat(listing.getHeader("X-Plex-Product")).isEqualTo("Suasor");
  }

  @Test
  void seriesAndMusicAreListedParentsFirstWithTheirNumbers() {
    RecordingPages series = new RecordingPages();
    source(plex).series().list(null, new ScanProblems(), series);
    assertThat(series.ids())
        .containsExactly("2001", "2002", "2003", "2004", "2005", "2006", "2007");
    assertThat(series.types())
        .containsExactly(
            MediaType.SERIES,
            MediaType.SEASON,
            MediaType.SEASON,
            MediaType.EPISODE,
            MediaType.EPISODE,
            MediaType.EPISODE,
            MediaType.EPISODE);
    assertThat(series.item("2001").metadata().externalIds())
        .containsEntry(ExternalProvider.TVDB, "81189");
    assertThat(series.item("2001").watchState().watched()).isFalse();
    SourceItem season = series.item("2003");
    assertThat(season.parentId()).isEqualTo("2001");
    assertThat(season.numbering()).isEqualTo(Numbering.season(2));
    SourceItem episode = series.item("2006");
    assertThat(episode.parentId()).isEqualTo("2003");
    assertThat(episode.seriesId()).isEqualTo("2001");
    assertThat(episode.numbering()).isEqualTo(Numbering.episode(2, 1));
    assertThat(series.item("2004").watchState().playCount()).isEqualTo(1);
    assertThat(series.item("2002").watchState().watched()).isTrue();

    RecordingPages music = new RecordingPages();
    source(plex).music().list(null, new ScanProblems(), music);
    assertThat(music.ids()).containsExactly("3001", "3002", "3003", "3004", "3005");
    assertThat(music.item("3001").metadata().externalIds())
        .containsEntry(ExternalProvider.MUSICBRAINZ, "a74b1b7f-71a5-4011-9441-d0b5e4122711");
    assertThat(music.item("3002").parentId()).isEqualTo("3001");
    SourceItem track = music.item("3004");
    assertThat(track.parentId()).isEqualTo("3002");
    assertThat(track.numbering()).isEqualTo(Numbering.track(1, 2));
    assertThat(track.watchState().playCount()).isEqualTo(1);
    assertThat(music.expected).containsExactly(1L, 1L, 3L);
  }

  @Test
  void pagingIsFollowedToTheEnd() {
    for (int i = 0; i < 250; i++) {
      plex.addMovie("Filler " + i, 1950 + i % 70);
    }
    RecordingPages pages = new RecordingPages();
    source(plex).movies().list(null, new ScanProblems(), pages);

    assertThat(pages.items()).hasSize(253);
    assertThat(pages.pages).extracting(List::size).containsExactly(100, 100, 53);
    assertThat(pages.expected).containsExactly(253L);
    assertThat(plex.wireMock().findAll(getRequestedFor(urlPathEqualTo("/library/sections/1/all"))))
        .extracting(r -> r.queryParameter("X-Plex-Container-Start").firstValue())
        .containsExactly("0", "100", "200");
  }

  @Test
  void aListingThatIgnoresPagingFailsRatherThanEndingEarly() {
    plex.wireMock()
        .stubFor(
            get(urlPathEqualTo("/library/sections/1/all"))
                .willReturn(
                    okJson(
                        "{\"MediaContainer\":{\"offset\":0,\"size\":1,\"totalSize\":250,"
                            + "\"Metadata\":[{\"ratingKey\":\"1001\",\"type\":\"movie\","
                            + "\"title\":\"The Matrix\"}]}}")));
    assertThatThrownBy(
            () -> source(plex).movies().list(null, new ScanProblems(), new RecordingPages()))
        .isInstanceOfSatisfying(
            SourceHttpException.class,
            e -> assertThat(e.problem()).isEqualTo(SourceHttpException.Problem.BAD_RESPONSE))
        .hasMessageContaining("offset 0")
        .hasMessageContaining("at 1");
  }

  @Test
  void onlyIncludedLibrariesAreListed() {
    RecordingPages movies = new RecordingPages();
    RecordingPages series = new RecordingPages();
    PlexSource source = source(plex, "tv shows");
    source.movies().list(null, new ScanProblems(), movies);
    source.series().list(null, new ScanProblems(), series);

    assertThat(movies.items()).isEmpty();
    assertThat(series.items()).hasSize(7);
    plex.wireMock().verify(0, getRequestedFor(urlPathEqualTo("/library/sections/1/all")));
  }

  @Test
  void anIncrementalListingAsksForChangesAndGetsOnlyThose() {
    PlexSource source = source(plex);
    Instant since = source.movies().list(null, new ScanProblems(), new RecordingPages());
    plex.advance(Duration.ofHours(1));
    plex.change("1002", item -> item.put("summary", "A shy waitress changes lives."));
    plex.play("1001");
    plex.change("1001", item -> item.put("userRating", 10.0));
    plex.play("2006");

    RecordingPages movies = new RecordingPages();
    source.movies().list(since, new ScanProblems(), movies);
    RecordingPages series = new RecordingPages();
    source.series().list(since, new ScanProblems(), series);

    assertThat(movies.ids()).containsExactlyInAnyOrder("1001", "1002");
    assertThat(movies.announced()).isEqualTo(2);
    assertThat(movies.item("1002").metadata().overview())
        .isEqualTo("A shy waitress changes lives.");
    assertThat(movies.item("1001").watchState().playCount()).isEqualTo(3);
    assertThat(series.ids()).containsExactly("2006");
    List<String> urls =
        plex
            .wireMock()
            .findAll(getRequestedFor(urlPathMatching("/library/sections/1/all")))
            .stream()
            .map(LoggedRequest::getUrl)
            .toList();
    assertThat(urls)
        .anySatisfy(url -> assertThat(url).contains("updatedAt%3E%3E=" + since.getEpochSecond()))
        .anySatisfy(
            url -> assertThat(url).contains("lastViewedAt%3E%3E=" + since.getEpochSecond()));
  }

  @Test
  void anItemRemovedFromPlexIsNoLongerListed() {
    plex.remove("1003");
    RecordingPages pages = new RecordingPages();
    source(plex).movies().list(null, new ScanProblems(), pages);
    assertThat(pages.ids()).containsExactly("1001", "1002");
  }

  @Test
  void anUnchangedItemKeepsItsFingerprintAndAChangedOneGetsANewOne() {
    PlexSource source = source(plex);
    RecordingPages first = new RecordingPages();
    source.movies().list(null, new ScanProblems(), first);
    plex.change("1002", item -> item.put("thumb", "/library/metadata/1002/thumb/1"));
    plex.play("1003");
    RecordingPages second = new RecordingPages();
    source.movies().list(null, new ScanProblems(), second);

    assertThat(second.item("1001").entry().fingerprint())
        .isEqualTo(first.item("1001").entry().fingerprint());
    assertThat(second.item("1002").entry().fingerprint())
        .isEqualTo(first.item("1002").entry().fingerprint());
    assertThat(second.item("1003").entry().fingerprint())
        .isNotEqualTo(first.item("1003").entry().fingerprint());
  }
}
