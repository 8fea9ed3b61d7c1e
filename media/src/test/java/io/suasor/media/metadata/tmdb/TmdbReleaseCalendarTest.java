package io.suasor.media.metadata.tmdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.testing.SettableClock;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.MediaType;
import io.suasor.media.notify.UpcomingRelease;
import io.suasor.media.testing.TmdbShapes;
import io.suasor.media.testing.TmdbStandIn;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TMDB's release calendar against {@link TmdbStandIn}, answering in the shapes of TMDB's OpenAPI
 * description: the upcoming and now-playing lists, a series' details with its last and next
 * episode, and its seasons.
 */
class TmdbReleaseCalendarTest {
  private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
  private static final LocalDate TO = LocalDate.of(2026, 3, 14);

  private TmdbStandIn tmdb;
  private TmdbReleaseCalendar calendar;

  @BeforeEach
  void start() {
    tmdb = new TmdbStandIn();
    tmdb.listing(
        "/movie/upcoming",
        List.of(
            TmdbShapes.listedMovie(1, "Dune: Part Three", "2026-03-06", 878, 28),
            TmdbShapes.listedMovie(2, "Next Summer's Film", "2026-06-20", 18),
            TmdbShapes.listedMovie(3, "Opening Night", "2026-03-01", 27)),
        2);
    tmdb.listing(
        "/movie/now_playing",
        List.of(
            TmdbShapes.listedMovie(3, "Opening Night", "2026-03-01", 27),
            TmdbShapes.listedMovie(4, "Last Month's Film", "2026-02-02", 18)),
        20);
    tmdb.series(
        1399,
        "Game of Thrones",
        "2011-04-17",
        "121361",
        List.of("Drama"),
        List.of(
            List.of("2025-04-01", "2025-04-08"),
            List.of("2026-02-22", "2026-03-01", "2026-03-08", "2026-03-15")),
        "2026-03-01");
    calendar =
        new TmdbReleaseCalendar(
            new TmdbClient(
                TmdbSettings.of(tmdb.baseUrl(), TmdbStandIn.KEY, null),
                SettableClock.at("2026-03-01T10:00:00Z")));
  }

  @AfterEach
  void stop() {
    tmdb.close();
  }

  @Test
  void filmsAreTheUpcomingAndNowPlayingOnesReleasedInTheWindowOnceEach() {
    List<UpcomingRelease> films = calendar.movies(FROM, TO);

    assertThat(films)
        .extracting(UpcomingRelease::title)
        .containsExactly("Dune: Part Three", "Opening Night");
    UpcomingRelease dune = films.get(0);
    assertThat(dune.type()).isEqualTo(MediaType.MOVIE);
    assertThat(dune.releaseDate()).isEqualTo(LocalDate.of(2026, 3, 6));
    assertThat(dune.year()).isEqualTo(2026);
    assertThat(dune.externalIds()).isEqualTo(Map.of(ExternalProvider.TMDB, "1"));
    assertThat(dune.genres()).containsExactly("Science Fiction", "Action");
    assertThat(dune.rating()).isEqualTo(7.0);
    assertThat(films.get(1).genres()).containsExactly("Horror");
    // Both pages of the upcoming list were read.
    assertThat(tmdb.requests("/movie/upcoming")).isEqualTo(2);
  }

  @Test
  void episodesOfASeriesFoundByItsTvdbIdAiringInTheWindow() {
    List<UpcomingRelease> episodes =
        calendar.episodes(Map.of(ExternalProvider.TVDB, "121361"), FROM, TO);

    assertThat(episodes)
        .extracting(UpcomingRelease::seasonNumber, UpcomingRelease::episodeNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(2, 3));
    UpcomingRelease next = episodes.get(1);
    assertThat(next.type()).isEqualTo(MediaType.EPISODE);
    assertThat(next.seriesTitle()).isEqualTo("Game of Thrones");
    assertThat(next.title()).isEqualTo("Game of Thrones 2x3");
    assertThat(next.releaseDate()).isEqualTo(LocalDate.of(2026, 3, 8));
    assertThat(next.genres()).containsExactly("Drama");
    assertThat(next.externalIds()).containsEntry(ExternalProvider.TMDB, "1399203");
    // Only the current season was read, not the first.
    assertThat(tmdb.requests("/tv/1399/season/1")).isZero();
  }

  @Test
  void aSeriesKnownByItsTmdbIdOrImdbIdIsFoundToo() {
    assertThat(calendar.episodes(Map.of(ExternalProvider.TMDB, "1399"), FROM, TO)).hasSize(2);
    assertThat(calendar.episodes(Map.of(ExternalProvider.IMDB, "tt901399"), FROM, TO)).hasSize(2);
  }

  @Test
  void aSeriesTmdbDoesNotKnowHasNoEpisodes() {
    assertThat(calendar.episodes(Map.of(ExternalProvider.TMDB, "424242"), FROM, TO)).isEmpty();
    assertThat(calendar.episodes(Map.of(ExternalProvider.TVDB, "999"), FROM, TO)).isEmpty();
  }
}
