package io.suasor.media.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.SupysonicServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncing a real Subsonic server (Debian's supysonic, started by the test over a generated tagged
 * library) into the library, on SQLite and PostgreSQL: the music catalog, favourites read and
 * written back, playlists, and a second sync that changes nothing.
 */
abstract class SubsonicSyncContract {
  static SupysonicServer server;

  @TempDir Path temp;
  MediaFixture fixture;
  MediaSyncService sync;
  User ana;
  MediaSource source;

  abstract Database database(Path folder);

  @BeforeAll
  static void startServer() {
    server = SupysonicServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    sync = fixture.sync();
    ana = new UserStore(fixture.database).create("ana", null, Role.USER, true, now());
    source =
        fixture.sources.create(
            new NewSource(
                ana.id(),
                SourceType.SUBSONIC,
                "Den",
                server.configJson(),
                server.secretsJson(),
                Duration.ofHours(1)),
            now());
  }

  @AfterEach
  void tearDown() {
    fixture.close();
  }

  @Test
  void aFullSyncBringsTheMusicAndFavouritesBothWaysAndASecondChangesNothing() {
    server.call("star", "albumId", server.albumId("First Light"));
    try {
      SyncReport first = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());

      assertThat(first.failures()).isEmpty();
      ItemStore items = new ItemStore(fixture.database);
      assertThat(items.count(MediaType.ARTIST)).isEqualTo(2);
      assertThat(items.count(MediaType.ALBUM)).isEqualTo(3);
      assertThat(items.count(MediaType.TRACK)).isEqualTo(5);
      assertThat(data("First Light").favorite()).isTrue();
      assertThat(first.notOffered()).isEmpty();

      SyncReport second = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
      assertThat(second.writes()).isZero();
      assertThat(second.failures()).isEmpty();

      // A favourite set in Suasor (here straight in the store) is written to the server.
      long dawn = itemId("Dawn");
      UserDataStore store = new UserDataStore(fixture.database);
      UserItemData current =
          store.get(ana.id(), dawn).orElse(UserItemData.empty(ana.id(), dawn, now()));
      store.save(
          new UserItemData(
              ana.id(),
              dawn,
              current.playCount(),
              current.lastPlayedAt(),
              current.playedPercentage(),
              true,
              current.rating(),
              current.watchlist(),
              now()));
      SyncReport favourites = sync.syncSource(source.id(), SyncType.FAVORITES, WorkTracker.none());
      assertThat(favourites.writtenBack()).isEqualTo(1);
      assertThat(starredSongs()).contains("Dawn");
      assertThat(sync.syncSource(source.id(), SyncType.FAVORITES, WorkTracker.none()).writes())
          .isZero();
    } finally {
      server.call("unstar", "albumId", server.albumId("First Light"));
      if (starredSongs().contains("Dawn")) {
        server.call("unstar", "id", server.songId("Dawn"));
      }
    }
  }

  @Test
  void playlistsAreSyncedAndMoviesAreSaidNotToBeOffered() {
    String playlist = server.createPlaylist("Road trip", "Dawn", "Morning");
    try {
      SyncReport report = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
      assertThat(report.playlistsChanged()).isEqualTo(1);
      SyncReport movies = sync.syncSource(source.id(), SyncType.MOVIES, WorkTracker.none());
      assertThat(movies.notOffered()).containsExactly("'Den' (subsonic) has no movies");
    } finally {
      server.call("deletePlaylist", "id", playlist);
    }
  }

  private java.time.Instant now() {
    return fixture.clock.instant();
  }

  private java.util.List<String> starredSongs() {
    java.util.List<String> titles = new java.util.ArrayList<>();
    for (JsonNode song : server.call("getStarred2").path("starred2").path("song")) {
      titles.add(song.path("title").asText());
    }
    return titles;
  }

  private long itemId(String title) {
    return fixture
        .database
        .read(
            "find " + title,
            c ->
                Jdbc.queryOne(
                    c,
                    "SELECT id FROM media_items WHERE title = ?",
                    row -> row.getLong("id"),
                    title))
        .orElseThrow();
  }

  private UserItemData data(String title) {
    return new UserDataStore(fixture.database).get(ana.id(), itemId(title)).orElseThrow();
  }
}
