package io.suasor.media.metadata.tmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.metadata.ChangeWindow;
import io.suasor.media.metadata.MetadataRefreshService;
import io.suasor.media.metadata.RefreshReport;
import io.suasor.media.metadata.RefreshSettings;
import io.suasor.media.model.Artwork;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.Role;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.local.NfoMetadataProvider;
import io.suasor.media.store.ArtworkStore;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import io.suasor.media.testing.TmdbStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata refresh with TMDB after the NFO files, against {@link TmdbStandIn} (TMDB's
 * documented shapes) and the database; on SQLite and PostgreSQL.
 */
abstract class TmdbRefreshContract {
  @TempDir Path temp;
  MediaFixture fixture;
  TmdbStandIn tmdb;
  ItemStore items;
  TmdbClient client;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp.resolve("db")));
    items = new ItemStore(fixture.database);
    tmdb = new TmdbStandIn();
    tmdb.movie(
        603,
        "The Matrix",
        "1999-03-30",
        "tt0133093",
        List.of("Action", "Science Fiction"),
        List.of("Keanu Reeves", "Carrie-Anne Moss"),
        "Lana Wachowski");
    tmdb.movie(
        27205,
        "Inception",
        "2010-07-15",
        "tt1375666",
        List.of("Action"),
        List.of("Leonardo DiCaprio"),
        "Christopher Nolan");
    tmdb.movie(
        155, "Heat", "1995-12-15", "tt0113277", List.of("Drama"), List.of("Al Pacino"), "M. Mann");
    tmdb.series(
        1399,
        "Game of Thrones",
        "2011-04-17",
        "121361",
        List.of("Drama", "Sci-Fi & Fantasy"),
        List.of(List.of("2011-04-17", "2011-04-24", "2011-05-01")),
        "2026-03-01");
    client = new TmdbClient(TmdbSettings.of(tmdb.baseUrl(), TmdbStandIn.KEY, null), fixture.clock);
  }

  @AfterEach
  void tearDown() {
    tmdb.close();
    fixture.close();
  }

  MetadataRefreshService refresh(TmdbClient tmdbClient, int budget) {
    RefreshSettings settings =
        new RefreshSettings(Duration.ofDays(7), Duration.ofDays(7), 10_000, 2, budget);
    return new MetadataRefreshService(
        fixture.database,
        List.of(
            new NfoMetadataProvider(fixture.sources),
            new TmdbMetadataProvider(tmdbClient, budget, items::byId)),
        fixture.clock,
        settings);
  }

  MediaItem add(MediaType type, ItemMetadata metadata, Long seriesId, Numbering numbering) {
    return items.insert(
        new NewItem(type, metadata, seriesId, seriesId, numbering), fixture.clock.instant());
  }

  MediaItem movie(String title, int year) {
    return add(MediaType.MOVIE, ItemMetadata.titled(title, year), null, Numbering.NONE);
  }

  @Test
  void fillsWhatItemsLackAndASecondRunAsksNothing() {
    MediaItem matrix = movie("The Matrix", 1999);
    MediaItem inception =
        add(
            MediaType.MOVIE,
            new ItemMetadata(
                "Inception",
                null,
                null,
                2010,
                null,
                null,
                null,
                null,
                null,
                Map.of(ExternalProvider.IMDB, "tt1375666"),
                List.of(),
                List.of(),
                List.of()),
            null,
            Numbering.NONE);
    MediaItem unknown = movie("A Film Nobody Catalogued", 2001);
    MediaItem thrones =
        add(MediaType.SERIES, ItemMetadata.titled("Game of Thrones", 2011), null, Numbering.NONE);
    MediaItem pilot =
        add(
            MediaType.EPISODE,
            ItemMetadata.titled("Winter Is Coming", 2011),
            thrones.id(),
            Numbering.episode(1, 1));
    MediaItem second =
        add(
            MediaType.EPISODE,
            ItemMetadata.titled("The Kingsroad", 2011),
            thrones.id(),
            Numbering.episode(1, 2));

    RefreshReport report = refresh(client, 100).refresh(RecordingTracker.watching());

    assertThat(report.moviesUpdated()).isEqualTo(2);
    assertThat(report.seriesUpdated()).isEqualTo(1);
    assertThat(report.episodesUpdated()).isEqualTo(2);
    assertThat(report.errorCount()).isZero();
    assertThat(report.providerStatistics())
        .containsEntry("tmdbMatched", 5L)
        .containsEntry("tmdbNotFound", 1L)
        .containsEntry("tmdbFailed", 0L);
    // A search and details for The Matrix and for the series, a find and details for Inception, a
    // search for the unknown film, and one season for both episodes.
    assertThat(report.providerStatistics()).containsEntry("tmdbRequests", 8L);

    ItemMetadata m = items.byId(matrix.id()).orElseThrow().metadata();
    assertThat(m.title()).isEqualTo("The Matrix");
    assertThat(m.overview()).isEqualTo("The story of The Matrix.");
    assertThat(m.premiered()).isEqualTo(LocalDate.of(1999, 3, 30));
    assertThat(m.genres()).containsExactlyInAnyOrder("Action", "Science Fiction");
    assertThat(m.externalIds())
        .containsEntry(ExternalProvider.TMDB, "603")
        .containsEntry(ExternalProvider.IMDB, "tt0133093");
    assertThat(m.credits())
        .contains(
            new Credit("Keanu Reeves", CreditRole.ACTOR, "Role 1", 0),
            new Credit("Lana Wachowski", CreditRole.DIRECTOR, null, 0));
    assertThat(m.durationSeconds()).isEqualTo(139 * 60);
    ArtworkStore artwork = new ArtworkStore(fixture.database);
    assertThat(artwork.byItem(matrix.id()))
        .contains(
            new Artwork(
                "https://image.tmdb.org/t/p/original/poster603.jpg",
                "https://image.tmdb.org/t/p/original/backdrop603.jpg"));
    // Inception had an IMDb id: found through /find, never searched.
    assertThat(items.byId(inception.id()).orElseThrow().metadata().externalIds())
        .containsEntry(ExternalProvider.TMDB, "27205");
    assertThat(tmdb.requests("/find/tt1375666")).isEqualTo(1);
    assertThat(tmdb.requests("/search/movie?query=Inception")).isZero();
    assertThat(items.byId(unknown.id()).orElseThrow().metadata().overview()).isNull();

    assertThat(items.byId(thrones.id()).orElseThrow().metadata().genres())
        .contains("Sci-Fi & Fantasy");
    ItemMetadata episode = items.byId(second.id()).orElseThrow().metadata();
    assertThat(episode.title()).isEqualTo("The Kingsroad");
    assertThat(episode.overview()).isEqualTo("Episode 2 of season 1.");
    assertThat(episode.premiered()).isEqualTo(LocalDate.of(2011, 4, 24));
    assertThat(episode.externalIds()).containsEntry(ExternalProvider.TMDB, "1399102");
    assertThat(artwork.byItem(pilot.id()).orElseThrow().posterUrl())
        .isEqualTo("https://image.tmdb.org/t/p/original/still1x1.jpg");
    // Both episodes read one season: the second came from the cache.
    assertThat(tmdb.requests("/tv/1399/season/1")).isEqualTo(1);

    fixture.clock.advance(Duration.ofDays(8));
    long before = tmdb.requests("/");
    RefreshReport again = refresh(client, 100).refresh(RecordingTracker.watching());
    assertThat(again.updated()).isZero();
    assertThat(again.totalItemsChecked()).isEqualTo(6);
    // Only the film TMDB does not know is asked about again; the rest lack nothing it could add.
    assertThat(again.providerStatistics()).containsEntry("tmdbNotFound", 1L);
    assertThat(again.providerStatistics()).containsEntry("tmdbMatched", 0L);
    assertThat(tmdb.requests("/") - before).isEqualTo(1);
  }

  @Test
  void theBudgetStopsTheRunAndTheNextRunGoesOnWhereItStopped() {
    MediaItem old = movie("Heat", 1995);
    MediaItem played = movie("Inception", 2010);
    long user =
        new UserStore(fixture.database)
            .create("ann", null, Role.USER, true, fixture.clock.instant())
            .id();
    new UserDataStore(fixture.database)
        .save(
            new UserItemData(
                user,
                played.id(),
                5,
                fixture.clock.instant(),
                100,
                false,
                null,
                false,
                fixture.clock.instant()));
    fixture.clock.advance(Duration.ofDays(10));
    MediaItem recent = movie("The Matrix", 1999);

    // A film costs a search and its details: two requests a film.
    RefreshReport first = refresh(client, 2).refresh(RecordingTracker.watching());

    assertThat(first.stoppedEarly()).hasValueSatisfying(w -> assertThat(w).contains("budget of 2"));
    assertThat(first.providerStatistics()).containsEntry("tmdbRequests", 2L);
    assertThat(first.totalItemsChecked()).isEqualTo(1);
    assertThat(tmdbId(recent)).isEqualTo("603");
    assertThat(tmdbId(played)).isNull();
    assertThat(items.byId(played.id()).orElseThrow().metadataRefreshedAt()).isNull();

    RefreshReport second = refresh(client, 2).refresh(RecordingTracker.watching());
    assertThat(tmdbId(played)).isEqualTo("27205");
    assertThat(tmdbId(old)).isNull();
    assertThat(second.stoppedEarly()).isPresent();

    RefreshReport third = refresh(client, 2).refresh(RecordingTracker.watching());
    assertThat(tmdbId(old)).isEqualTo("155");
    assertThat(third.stoppedEarly()).isEmpty();
  }

  @Test
  void aRefusedKeyEndsTheRunWithTheSettingToCheck() {
    movie("The Matrix", 1999);
    movie("Heat", 1995);
    TmdbClient wrong =
        new TmdbClient(
            TmdbSettings.of(tmdb.baseUrl(), "0000000000000000ffffffffffffffff", null),
            fixture.clock);

    assertThatThrownBy(() -> refresh(wrong, 100).refresh(RecordingTracker.watching()))
        .isInstanceOf(TmdbException.class)
        .hasMessageContaining("tmdb.apiKey");
    assertThat(tmdb.requests("/")).isEqualTo(1);
  }

  @Test
  void whatTheItemAlreadySaysIsKeptAndOnlyTheGapsAreFilled() {
    MediaItem heat =
        add(
            MediaType.MOVIE,
            new ItemMetadata(
                "Heat",
                null,
                null,
                1995,
                null,
                "My own summary.",
                null,
                null,
                null,
                Map.of(),
                List.of("Crime"),
                List.of(),
                List.of()),
            null,
            Numbering.NONE);

    refresh(client, 100).refresh(RecordingTracker.watching());

    ItemMetadata m = items.byId(heat.id()).orElseThrow().metadata();
    assertThat(m.overview()).isEqualTo("My own summary.");
    assertThat(m.genres()).containsExactly("Crime");
    assertThat(m.premiered()).isEqualTo(LocalDate.of(1995, 12, 15));
    assertThat(m.credits()).extracting(Credit::person).contains("Al Pacino", "M. Mann");
  }

  @Test
  void aRunCancelledMidwayKeepsTheBatchesItFinished() {
    List<MediaItem> films =
        List.of(movie("The Matrix", 1999), movie("Inception", 2010), movie("Heat", 1995));

    assertThatThrownBy(() -> refresh(client, 100).refresh(RecordingTracker.cancellingAfter(2)))
        .isInstanceOf(WorkCancelledException.class);

    long refreshed =
        films.stream()
            .filter(f -> items.byId(f.id()).orElseThrow().metadataRefreshedAt() != null)
            .count();
    assertThat(refreshed).isEqualTo(2);
    RefreshReport rest = refresh(client, 100).refresh(RecordingTracker.watching());
    assertThat(rest.totalItemsChecked()).isEqualTo(1);
    assertThat(rest.moviesUpdated()).isEqualTo(1);
  }

  @Test
  void afterASyncOnlyTheItemsItChangedAreRefreshedOnce() {
    MediaItem before = movie("Heat", 1995);
    fixture.clock.advance(Duration.ofDays(30));
    Instant syncStarted = fixture.clock.instant();
    MediaItem added = movie("The Matrix", 1999);
    fixture.clock.advance(Duration.ofMinutes(1));
    String parameters =
        """
        {"after": {"runId": 123, "job": "system.media.sync", "startedAt": "%s",
                   "endedAt": "%s", "statistics": {"itemsCreated": 1}}}
        """
            .formatted(syncStarted, fixture.clock.instant());
    Optional<ChangeWindow> window = ChangeWindow.fromParameters(parameters);
    assertThat(window).hasValueSatisfying(w -> assertThat(w.runId()).isEqualTo(123));

    RefreshReport report = refresh(client, 100).refresh(RecordingTracker.watching(), window);

    assertThat(report.totalItemsChecked()).isEqualTo(1);
    assertThat(tmdbId(added)).isEqualTo("603");
    assertThat(items.byId(before.id()).orElseThrow().metadataRefreshedAt()).isNull();
    assertThat(
            refresh(client, 100).refresh(RecordingTracker.watching(), window).totalItemsChecked())
        .isZero();
    // Without the parameter the refresh does its full work: the stale film is checked.
    assertThat(refresh(client, 100).refresh(RecordingTracker.watching()).totalItemsChecked())
        .isEqualTo(1);
    assertThat(ChangeWindow.fromParameters("{\"after\": 7}")).isEmpty();
    assertThat(ChangeWindow.fromParameters("not json")).isEmpty();
  }

  private String tmdbId(MediaItem item) {
    return items.byId(item.id()).orElseThrow().metadata().externalIds().get(ExternalProvider.TMDB);
  }
}
