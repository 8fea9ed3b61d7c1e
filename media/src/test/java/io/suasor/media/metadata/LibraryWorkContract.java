package io.suasor.media.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.cleanup.CleanupReport;
import io.suasor.media.cleanup.LibraryCleanupService;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.local.NfoMetadataProvider;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.sync.SyncType;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata refresh and library cleanup over a small synced library; on SQLite and PostgreSQL. */
abstract class LibraryWorkContract {
  static final DemoLibrary.Size SIZE = new DemoLibrary.Size(60, 5, 2, 4, 5, 2, 5);

  @TempDir Path temp;
  MediaFixture fixture;
  DemoLibrary.Written library;
  MediaSource source;
  ItemStore items;
  UserDataStore userData;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp.resolve("db")));
    library = new DemoLibrary(7).write(temp.resolve("library"), SIZE);
    source = fixture.install(library);
    fixture.sync().syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());
    items = new ItemStore(fixture.database);
    userData = new UserDataStore(fixture.database);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  MetadataRefreshService refresh(int batchSize) {
    return new MetadataRefreshService(
        fixture.database,
        List.of(new NfoMetadataProvider(fixture.sources)),
        fixture.clock,
        new RefreshSettings(Duration.ofDays(7), Duration.ofDays(7), 10_000, batchSize, 0));
  }

  LibraryCleanupService cleanup() {
    return new LibraryCleanupService(fixture.database, fixture.clock, 100);
  }

  @Test
  void refreshPicksUpAChangedNfoAndASecondRunChangesNothing() throws IOException {
    Path dir = movieDirs().get(0);
    long movie = itemOf("movies/" + dir.getFileName() + "/" + dir.getFileName() + ".mkv");
    Path nfo = nfoIn(dir);
    Files.writeString(
        nfo,
        Files.readString(nfo)
            .replaceFirst("<title>[^<]*</title>", "<title>Director's Cut</title>"));
    fixture.clock.advance(Duration.ofDays(8));

    RecordingTracker tracker = RecordingTracker.watching();
    RefreshReport report = refresh(50).refresh(tracker);

    int checkable =
        SIZE.movies() + SIZE.series() + SIZE.episodes() + SIZE.artists() + SIZE.albums();
    assertThat(report.totalItemsChecked()).isEqualTo(checkable);
    assertThat(report.moviesUpdated()).isEqualTo(1);
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.errorCount()).isZero();
    assertThat(tracker.stat("moviesUpdated")).isEqualTo(1);
    assertThat(items.byId(movie))
        .hasValueSatisfying(m -> assertThat(m.title()).isEqualTo("Director's Cut"));

    RefreshReport second = refresh(50).refresh(RecordingTracker.watching());
    assertThat(second.totalItemsChecked()).isZero();
    assertThat(second.updated()).isZero();
  }

  @Test
  void refreshCountsAMalformedNfoAsAnErrorAndGoesOn() throws IOException {
    Files.writeString(nfoIn(movieDirs().get(1)), "<movie><title>oops</movie>");
    fixture.clock.advance(Duration.ofDays(8));

    RefreshReport report = refresh(50).refresh(RecordingTracker.watching());

    assertThat(report.errorCount()).isEqualTo(1);
    assertThat(report.errors()).singleElement().asString().contains("malformed XML");
    assertThat(report.totalItemsChecked())
        .isEqualTo(
            SIZE.movies() + SIZE.series() + SIZE.episodes() + SIZE.artists() + SIZE.albums());
  }

  @Test
  void refreshCancelledMidwayKeepsWhatItFinished() {
    fixture.clock.advance(Duration.ofDays(8));
    assertThatThrownBy(() -> refresh(10).refresh(RecordingTracker.cancellingAfter(20)))
        .isInstanceOf(WorkCancelledException.class);

    assertThat(
            count(
                "SELECT COUNT(*) AS n FROM media_items WHERE metadata_refreshed_at = ?",
                fixture.clock.instant()))
        .isEqualTo(20);
  }

  @Test
  void cleanupMergesAPlantedDuplicateAndKeepsItsUserData() {
    String path =
        "movies/"
            + movieDirs().get(2).getFileName()
            + "/"
            + movieDirs().get(2).getFileName()
            + ".mkv";
    long keeper = itemOf(path);
    MediaItem original = items.byId(keeper).orElseThrow();
    MediaItem duplicate =
        items.insert(
            new NewItem(
                MediaType.MOVIE,
                original.metadata().withTitle(original.title().toUpperCase(java.util.Locale.ROOT)),
                null,
                null,
                original.numbering()),
            fixture.clock.instant());
    long user = source.userId();
    Instant played = Instant.parse("2026-02-01T20:00:00Z");
    userData.save(
        new UserItemData(
            user, duplicate.id(), 3, played, 100, true, 4.5, false, fixture.clock.instant()));
    userData.recordPlay(new PlayEvent(user, duplicate.id(), played, 100, null));

    CleanupReport report = cleanup().clean(RecordingTracker.watching());

    assertThat(report.duplicatesMerged()).isEqualTo(1);
    assertThat(report.orphansRemoved()).isZero();
    assertThat(items.byId(duplicate.id())).isEmpty();
    assertThat(userData.get(user, keeper))
        .hasValueSatisfying(
            data -> {
              assertThat(data.playCount()).isGreaterThanOrEqualTo(3);
              assertThat(data.favorite()).isTrue();
              assertThat(data.rating()).isEqualTo(4.5);
            });
    assertThat(userData.history(user))
        .extracting(PlayEvent::itemId)
        .contains(keeper)
        .doesNotContain(duplicate.id());
    assertThat(cleanup().clean(RecordingTracker.watching()).changes()).isZero();
  }

  @Test
  void cleanupRemovesOrphansAndRepairsInvalidReferences() {
    MediaItem orphan =
        items.insert(
            new NewItem(
                MediaType.MOVIE,
                io.suasor.media.model.ItemMetadata.titled("Nobody's Film", 1999),
                null,
                null,
                io.suasor.media.model.Numbering.NONE),
            fixture.clock.instant());
    userData.save(UserItemData.empty(source.userId(), orphan.id(), fixture.clock.instant()));
    long season = firstOf(MediaType.SEASON);
    int episodesOfSeason = items.children(season).size();
    items.delete(season);
    long episode =
        count(
            "SELECT MIN(id) AS n FROM media_items WHERE type = 'episode' AND parent_id IS NOT NULL");
    fixture.database.write(
        "break an episode",
        c -> Jdbc.update(c, "UPDATE media_items SET series_id = NULL WHERE id = ?", episode));

    CleanupReport report = cleanup().clean(RecordingTracker.watching());

    assertThat(report.orphansRemoved()).isEqualTo(1);
    assertThat(report.userDataRemoved()).isEqualTo(1);
    assertThat(report.episodesRelinked()).isEqualTo(1);
    assertThat(report.invalidItemsRemoved()).isEqualTo(episodesOfSeason);
    assertThat(cleanup().clean(RecordingTracker.watching()).changes()).isZero();

    // The next sync finds the removed season's files again.
    fixture.sync().syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());
    assertThat(items.count()).isEqualTo(SIZE.items());
  }

  @Test
  void cleanupCancelledMidwayLeavesConsistentDataAndFinishesNextTime() {
    for (Path dir : movieDirs().subList(0, 3)) {
      MediaItem original =
          items
              .byId(itemOf("movies/" + dir.getFileName() + "/" + dir.getFileName() + ".mkv"))
              .orElseThrow();
      items.insert(
          new NewItem(
              MediaType.MOVIE,
              original.metadata().withTitle(original.title() + "!"),
              null,
              null,
              original.numbering()),
          fixture.clock.instant());
    }
    long season = firstOf(MediaType.SEASON);
    items.delete(season);

    // Cancelled after the movie duplicates were merged, before the broken episodes are removed.
    assertThatThrownBy(() -> cleanup().clean(RecordingTracker.cancellingAfter(1)))
        .isInstanceOf(WorkCancelledException.class);
    assertThat(items.count(MediaType.MOVIE)).isEqualTo(SIZE.movies());

    CleanupReport finished = cleanup().clean(RecordingTracker.watching());
    assertThat(finished.duplicatesMerged()).isZero();
    assertThat(finished.invalidItemsRemoved()).isEqualTo(SIZE.episodesPerSeason());
    assertThat(cleanup().clean(RecordingTracker.watching()).changes()).isZero();
  }

  long itemOf(String sourceItemId) {
    return new RefStore(fixture.database).bySource(source.id()).get(sourceItemId).itemId();
  }

  long firstOf(MediaType type) {
    return count("SELECT MIN(id) AS n FROM media_items WHERE type = ?", type.value());
  }

  long count(String sql, Object... params) {
    return fixture.database.read(
        "count", c -> Jdbc.queryOne(c, sql, row -> row.getLong("n"), params).orElseThrow());
  }

  List<Path> movieDirs() {
    try (Stream<Path> dirs = Files.list(library.movies())) {
      return dirs.sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Path nfoIn(Path dir) {
    Path movieNfo = dir.resolve("movie.nfo");
    return Files.exists(movieNfo) ? movieNfo : dir.resolve(dir.getFileName() + ".nfo");
  }
}
