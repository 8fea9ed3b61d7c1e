package io.suasor.media.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.ScanProblem;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.testing.Libraries;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media sync over a generated library; run on SQLite and on PostgreSQL. */
abstract class MediaSyncContract {
  /** One library for the tests that only read it; those that change files write their own. */
  @TempDir static Path shared;

  static DemoLibrary.Written sharedLibrary;

  @TempDir Path temp;
  MediaFixture fixture;
  DemoLibrary.Written library;
  MediaSource source;
  MediaSyncService sync;
  ItemStore items;

  abstract Database database(Path folder);

  @BeforeAll
  static void writeSharedLibrary() {
    sharedLibrary = Libraries.write(shared.resolve("library"));
  }

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp.resolve("db")));
    library = sharedLibrary;
    source = fixture.install(library);
    sync = fixture.sync();
    items = new ItemStore(fixture.database);
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void firstSyncCreatesEveryItemOnce() {
    RecordingTracker tracker = RecordingTracker.watching();
    SyncReport report = sync.syncSource(source.id(), SyncType.FULL, tracker);

    DemoLibrary.Size size = Libraries.TEST;
    assertThat(report.problems()).isEmpty();
    assertThat(report.sourcesSynced()).isEqualTo(1);
    assertThat(report.itemsCreated()).isEqualTo(size.items());
    assertThat(items.count(MediaType.MOVIE)).isEqualTo(size.movies());
    assertThat(items.count(MediaType.SERIES)).isEqualTo(size.series());
    assertThat(items.count(MediaType.SEASON)).isEqualTo(size.series() * size.seasonsPerSeries());
    assertThat(items.count(MediaType.EPISODE)).isEqualTo(size.episodes());
    assertThat(items.count(MediaType.ARTIST)).isEqualTo(size.artists());
    assertThat(items.count(MediaType.ALBUM)).isEqualTo(size.albums());
    assertThat(items.count(MediaType.TRACK)).isEqualTo(size.tracks());
    assertThat(new RefStore(fixture.database).count()).isEqualTo(size.items());
    // Every fifth movie's NFO holds a play.
    assertThat(new UserDataStore(fixture.database).history(source.userId()))
        .hasSize(size.movies() / 5);
    assertThat(report.playlistsChanged()).isEqualTo(1);
    assertThat(tracker.stat("itemsCreated")).isEqualTo(size.items());
    assertThat(tracker.processed()).isEqualTo(tracker.total());
    assertThat(danglingRows()).isZero();
  }

  @Test
  void secondSyncWritesNothing() {
    sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());
    long lastUpdate = lastUpdate();
    fixture.clock.advance(Duration.ofHours(2));

    SyncReport second = sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());

    assertThat(second.writes()).isZero();
    assertThat(second.itemsUnchanged()).isEqualTo(Libraries.TEST.items());
    assertThat(lastUpdate()).isEqualTo(lastUpdate);
  }

  @Test
  void renamedAndRemovedFilesAreReflected() throws IOException {
    useOwnLibrary();
    sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());
    List<Path> movieDirs = list(library.movies());
    Path renamed = movieDirs.get(0);
    Path removed = movieDirs.get(1);
    long renamedItem = itemOfMovie(renamed);
    long removedItem = itemOfMovie(removed);
    Path archive = Files.createDirectories(library.movies().resolve("Archive"));
    Files.move(renamed, archive.resolve(renamed.getFileName()));
    deleteTree(removed);
    Path episode = firstEpisode();
    Files.delete(episode);
    Files.delete(episode.resolveSibling(episode.getFileName().toString().replace(".mkv", ".nfo")));

    SyncReport report = sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());

    assertThat(report.itemsCreated()).isZero();
    assertThat(report.itemsRemoved()).isEqualTo(2);
    assertThat(report.refsRemoved()).isEqualTo(3);
    assertThat(items.byId(renamedItem)).isPresent();
    assertThat(items.byId(removedItem)).isEmpty();
    assertThat(new RefStore(fixture.database).byItem(renamedItem))
        .singleElement()
        .satisfies(ref -> assertThat(ref.sourceItemId()).startsWith("movies/Archive/"));
    assertThat(items.count(MediaType.EPISODE)).isEqualTo(Libraries.TEST.episodes() - 1);
    assertThat(danglingRows()).isZero();
  }

  @Test
  void renamedFileWithoutNfoKeepsItsItemByTitleAndYear() throws IOException {
    useOwnLibrary();
    sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());
    Path dir = list(library.movies()).get(2);
    long item = itemOfMovie(dir);
    String name = dir.getFileName().toString();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (file.toString().endsWith(".nfo")) {
          Files.delete(file);
        }
      }
    }
    Files.move(dir.resolve(name + ".mkv"), dir.resolve(name + ".mp4"));

    SyncReport report = sync.syncSource(source.id(), SyncType.MOVIES, RecordingTracker.watching());

    assertThat(report.itemsCreated()).isZero();
    assertThat(report.itemsRemoved()).isZero();
    assertThat(report.itemsUpdated()).isEqualTo(1);
    assertThat(items.byId(item))
        .hasValueSatisfying(m -> assertThat(m.metadata().genres()).isEmpty());
  }

  @Test
  void malformedNfoAndOddNamesAreReportedWithoutStoppingTheSync() throws IOException {
    useOwnLibrary();
    Path dir = list(library.movies()).get(3);
    String name = dir.getFileName().toString();
    Path nfo =
        Files.exists(dir.resolve("movie.nfo"))
            ? dir.resolve("movie.nfo")
            : dir.resolve(name + ".nfo");
    Files.writeString(nfo, "<movie><title>Broken</movie>");
    Path show = list(library.series()).get(0);
    Files.writeString(show.resolve("Season 01").resolve("behind the scenes.mkv"), "");
    Files.writeString(
        Files.createDirectories(library.movies().resolve("Home Video")).resolve("clip.mkv"), "");

    SyncReport report = sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());

    assertThat(report.problems())
        .extracting(ScanProblem::path)
        .contains(
            "movies/" + name + "/" + nfo.getFileName(),
            "series/" + show.getFileName() + "/Season 01/behind the scenes.mkv",
            "movies/Home Video/clip.mkv");
    assertThat(report.problems())
        .filteredOn(p -> p.path().endsWith(nfo.getFileName().toString()))
        .singleElement()
        .satisfies(p -> assertThat(p.problem()).contains("malformed NFO"));
    // The broken movie is still synced, from its name; the clip too, under its name.
    assertThat(items.count(MediaType.MOVIE)).isEqualTo(Libraries.TEST.movies() + 1);
    assertThat(report.sourcesFailed()).isZero();
  }

  @Test
  void cancellationMidwayLeavesConsistentDataAndTheNextSyncFinishes() {
    RecordingTracker cancelling = RecordingTracker.cancellingAfter(700);
    assertThatThrownBy(() -> sync.syncSource(source.id(), SyncType.FULL, cancelling))
        .isInstanceOf(WorkCancelledException.class);

    long partial = items.count();
    assertThat(partial).isBetween(1L, (long) Libraries.TEST.items() - 1);
    assertThat(new RefStore(fixture.database).count()).isEqualTo(partial);
    assertThat(danglingRows()).isZero();

    SyncReport resumed = sync.syncSource(source.id(), SyncType.FULL, RecordingTracker.watching());
    assertThat(resumed.itemsCreated()).isEqualTo(Libraries.TEST.items() - partial);
    assertThat(items.count()).isEqualTo(Libraries.TEST.items());
  }

  @Test
  void historySyncReadsTheNfoPlaysAgainAndAddsNothingTwice() {
    sync.syncSource(source.id(), SyncType.MOVIES, RecordingTracker.watching());
    UserDataStore data = new UserDataStore(fixture.database);
    fixture.database.write("forget plays", c -> Jdbc.update(c, "DELETE FROM play_history"));

    SyncReport history =
        sync.syncSource(source.id(), SyncType.HISTORY, RecordingTracker.watching());

    assertThat(history.playsRecorded()).isEqualTo(Libraries.TEST.movies() / 5);
    assertThat(history.itemsCreated()).isZero();
    assertThat(data.history(source.userId())).hasSize(Libraries.TEST.movies() / 5);
    assertThat(sync.syncSource(source.id(), SyncType.HISTORY, RecordingTracker.watching()).writes())
        .isZero();
  }

  @Test
  void dueSyncTakesOnlySourcesWhoseIntervalHasPassed() {
    assertThat(sync.syncDue(RecordingTracker.watching()).sourcesSynced()).isEqualTo(1);
    fixture.clock.advance(Duration.ofMinutes(59));
    assertThat(sync.syncDue(RecordingTracker.watching()).sourcesSynced()).isZero();
    fixture.clock.advance(Duration.ofMinutes(1));
    SyncReport again = sync.syncDue(RecordingTracker.watching());
    assertThat(again.sourcesSynced()).isEqualTo(1);
    assertThat(again.writes()).isZero();
    assertThat(DemoLibrary.install(fixture.database, fixture.sources, library, fixture.clock).id())
        .isEqualTo(source.id());
  }

  /**
   * Items whose parent or series is gone, references to missing items, items without references.
   */
  long danglingRows() {
    return fixture.database.read(
        "count dangling rows",
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    SELECT
                      (SELECT COUNT(*) FROM media_items WHERE type IN ('season', 'episode', 'album', 'track')
                         AND parent_id IS NULL)
                    + (SELECT COUNT(*) FROM media_items WHERE type = 'episode' AND series_id IS NULL)
                    + (SELECT COUNT(*) FROM media_items i
                         WHERE NOT EXISTS (SELECT 1 FROM item_refs r WHERE r.item_id = i.id)) AS n
                    """,
                    row -> row.getLong("n"))
                .orElseThrow());
  }

  long lastUpdate() {
    return fixture.database.read(
        "last update",
        c ->
            Jdbc.queryOne(
                    c,
                    """
                    SELECT (SELECT MAX(updated_at) FROM media_items)
                         + (SELECT MAX(last_synced_at) FROM item_refs)
                         + (SELECT COUNT(*) FROM item_genres)
                         + (SELECT COUNT(*) FROM item_credits) AS n
                    """,
                    row -> row.getLong("n"))
                .orElseThrow());
  }

  /** Points the source at a library of this test's own, which it may change. */
  void useOwnLibrary() {
    library = Libraries.write(temp.resolve("library"));
    source = fixture.install(library);
  }

  long itemOfMovie(Path dir) {
    String name = dir.getFileName().toString();
    return new RefStore(fixture.database)
        .bySource(source.id())
        .get("movies/" + name + "/" + name + ".mkv")
        .itemId();
  }

  Path firstEpisode() throws IOException {
    Path season =
        list(list(library.series()).get(0)).stream()
            .filter(Files::isDirectory)
            .findFirst()
            .orElseThrow();
    return list(season).stream()
        .filter(p -> p.toString().endsWith(".mkv"))
        .findFirst()
        .orElseThrow();
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
