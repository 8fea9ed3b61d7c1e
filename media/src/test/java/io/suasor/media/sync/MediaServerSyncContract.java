package io.suasor.media.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.store.Database;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.testing.JellyfinSample;
import io.suasor.media.testing.JellyfinStandIn;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.PlexStandIn;
import io.suasor.media.testing.RecordingTracker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncing media servers into the library, on SQLite and PostgreSQL: Jellyfin and Emby through
 * {@link JellyfinStandIn}, a WireMock server answering in the shapes of their published API
 * descriptions (no real Jellyfin or Emby runs here). A first sync into an empty database, an
 * incremental one that changes nothing, changes and removals, one title in two servers as one item,
 * write-backs between them, and a failing source beside a working one.
 */
abstract class MediaServerSyncContract {
  @TempDir Path temp;
  MediaFixture fixture;
  MediaSyncService sync;
  JellyfinStandIn jellyfin;
  JellyfinSample sample;
  User ana;
  MediaSource source;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    sync = fixture.sync();
    jellyfin = JellyfinStandIn.jellyfin();
    sample = JellyfinSample.addTo(jellyfin);
    ana = new UserStore(fixture.database).create("ana", null, Role.USER, true, now());
    source = create(SourceType.JELLYFIN, "Home", jellyfin, "\"user\": \"alice\"");
  }

  @AfterEach
  void tearDown() {
    jellyfin.close();
    fixture.close();
  }

  @Test
  void aFirstSyncBringsEveryItemWithTheUsersDataAndASecondChangesNothing() {
    RecordingTracker tracker = RecordingTracker.watching();
    SyncReport first = sync.syncSource(source.id(), SyncType.FULL, tracker);

    assertThat(first.failures()).isEmpty();
    assertThat(first.problems()).isEmpty();
    assertThat(first.itemsCreated()).isEqualTo(JellyfinSample.ITEMS);
    assertThat(items().count(MediaType.MOVIE)).isEqualTo(3);
    assertThat(items().count(MediaType.EPISODE)).isEqualTo(4);
    assertThat(items().count(MediaType.TRACK)).isEqualTo(3);
    assertThat(first.playlistsChanged()).isEqualTo(1);
    assertThat(tracker.processed()).isEqualTo(tracker.total());
    UserItemData inception = data("Inception");
    assertThat(inception.favorite()).isTrue();
    assertThat(inception.playCount()).isEqualTo(2);
    assertThat(inception.playedPercentage()).isEqualTo(100);
    assertThat(inception.rating()).isEqualTo(9.0);
    assertThat(data("Arrival").playedPercentage()).isEqualTo(40.0);
    assertThat(new UserDataStore(fixture.database).history(ana.id())).hasSize(2);

    SyncReport second = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
    assertThat(second.writes()).isZero();
    assertThat(second.failures()).isEmpty();
    assertThat(second.writtenBack()).isZero();
  }

  @Test
  void anEmbyFirstSyncIntoAnEmptyLibraryAndASecondThatChangesNothing() {
    try (JellyfinStandIn emby = JellyfinStandIn.emby()) {
      JellyfinSample.addTo(emby);
      MediaSource office = create(SourceType.EMBY, "Office", emby, "\"user\": \"alice\"");

      SyncReport first = sync.syncSource(office.id(), SyncType.FULL, WorkTracker.none());
      assertThat(first.failures()).isEmpty();
      assertThat(first.itemsCreated()).isEqualTo(JellyfinSample.ITEMS);
      assertThat(data("Inception").favorite()).isTrue();
      assertThat(data("Inception").playCount()).isEqualTo(2);

      SyncReport second = sync.syncSource(office.id(), SyncType.FULL, WorkTracker.none());
      assertThat(second.writes()).isZero();
      assertThat(second.failures()).isEmpty();
    }
  }

  @Test
  void aPlexFirstSyncIntoAnEmptyLibraryAndASecondThatChangesNothing() {
    try (PlexStandIn plex = PlexStandIn.start()) {
      MediaSource cabin = plexSource(plex);
      RecordingTracker tracker = RecordingTracker.watching();

      SyncReport first = sync.syncSource(cabin.id(), SyncType.FULL, tracker);
      assertThat(first.failures()).isEmpty();
      assertThat(first.problems()).isEmpty();
      assertThat(items().count(MediaType.MOVIE)).isEqualTo(3);
      assertThat(items().count(MediaType.EPISODE)).isEqualTo(4);
      assertThat(items().count(MediaType.TRACK)).isEqualTo(3);
      assertThat(first.playsRecorded()).isPositive();
      assertThat(first.playlistsChanged()).isPositive();
      assertThat(tracker.processed()).isEqualTo(tracker.total());

      SyncReport second = sync.syncSource(cabin.id(), SyncType.FULL, WorkTracker.none());
      assertThat(second.writes()).isZero();
      assertThat(second.failures()).isEmpty();
    }
  }

  @Test
  void anIncrementalSyncFindsChangedItemsAndUserDataOnlyACompleteListingFindsRemovals() {
    sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
    jellyfin.advance(Duration.ofHours(2));
    jellyfin.change(jellyfin.idOf("Heat"), item -> item.put("Overview", "A heist in L.A."));
    jellyfin.userData(sample.aliceId(), jellyfin.idOf("Heat"), d -> d.put("IsFavorite", true));
    jellyfin.remove(jellyfin.idOf("Arrival"));

    SyncReport changes = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
    assertThat(changes.itemsUpdated()).isEqualTo(1);
    assertThat(changes.itemsRemoved()).isZero();
    assertThat(data("Heat").favorite()).isTrue();
    assertThat(items().count(MediaType.MOVIE)).isEqualTo(3);

    SyncReport complete =
        sync.syncSource(source.id(), new SyncRequest(SyncType.FULL, true), WorkTracker.none());
    assertThat(complete.itemsRemoved()).isEqualTo(1);
    assertThat(complete.itemsUpdated()).isZero();
    assertThat(items().count(MediaType.MOVIE)).isEqualTo(2);
  }

  @Test
  void oneTitleInTwoServersIsOneItemAndAFavouriteReachesTheOther() {
    try (JellyfinStandIn emby = JellyfinStandIn.emby()) {
      JellyfinSample embySample = JellyfinSample.addTo(emby);
      // Alice never marked Inception a favourite on the Emby server.
      emby.userData(embySample.aliceId(), emby.idOf("Inception"), d -> d.put("IsFavorite", false));
      MediaSource other = create(SourceType.EMBY, "Office", emby, "\"user\": \"alice\"");
      sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());

      SyncReport report = sync.syncSource(other.id(), SyncType.FULL, WorkTracker.none());

      assertThat(report.itemsCreated()).isZero();
      assertThat(items().count(MediaType.MOVIE)).isEqualTo(3);
      long inception = itemId("Inception");
      assertThat(new RefStore(fixture.database).byItem(inception)).hasSize(2);
      assertThat(report.conflicts()).isPositive();
      assertThat(report.writtenBack()).isPositive();
      assertThat(emby.userData(embySample.aliceId(), emby.idOf("Inception")).get("IsFavorite"))
          .hasToString("true");
      assertThat(data("Inception").favorite()).isTrue();

      // Unfavourited in Emby afterwards: Suasor follows, and so does Jellyfin.
      emby.advance(Duration.ofHours(1));
      emby.userData(embySample.aliceId(), emby.idOf("Inception"), d -> d.put("IsFavorite", false));
      sync.syncSource(other.id(), SyncType.FULL, WorkTracker.none());
      assertThat(data("Inception").favorite()).isFalse();
      SyncReport back = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
      assertThat(back.writtenBack()).isEqualTo(1);
      assertThat(jellyfin.userData(sample.aliceId(), jellyfin.idOf("Inception")).get("IsFavorite"))
          .hasToString("false");
    }
  }

  @Test
  void aMovieInJellyfinAndPlexIsOneItemWithTwoReferences() {
    String matrix = jellyfin.movie(sample.moviesId(), "The Matrix", 1999);
    jellyfin.change(
        matrix, item -> item.withObjectProperty("ProviderIds").put("Imdb", "tt0133093"));
    try (PlexStandIn plex = PlexStandIn.start()) {
      MediaSource cabin = plexSource(plex);
      sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
      long movies = items().count(MediaType.MOVIE);

      SyncReport first = sync.syncSource(cabin.id(), SyncType.FULL, WorkTracker.none());

      assertThat(first.failures()).isEmpty();
      assertThat(items().count(MediaType.MOVIE)).isEqualTo(movies + 2);
      assertThat(new RefStore(fixture.database).byItem(itemId("The Matrix")))
          .extracting(ref -> ref.sourceId())
          .containsExactlyInAnyOrder(source.id(), cabin.id());
      assertThat(first.playsRecorded()).isPositive();

      SyncReport second = sync.syncSource(cabin.id(), SyncType.FULL, WorkTracker.none());
      assertThat(second.writes()).isZero();
      SyncReport favourites = sync.syncSource(cabin.id(), SyncType.FAVORITES, WorkTracker.none());
      assertThat(favourites.notOffered()).containsExactly("'Cabin' (plex) keeps no favourites");
      assertThat(favourites.failures()).isEmpty();
    }
  }

  @Test
  void aRefusedKeyFailsItsSourceNamingItWithoutTheKeyAndTheOthersGoOn() {
    MediaSource wrong =
        fixture.sources.create(
            new NewSource(
                ana.id(),
                SourceType.JELLYFIN,
                "Wrong key",
                jellyfin.config("\"user\": \"alice\""),
                "{\"apiKey\": \"not-the-key-4711\"}",
                Duration.ofHours(1)),
            now());

    SyncReport report = sync.syncAllOf(ana.id(), SyncRequest.of(SyncType.FULL), WorkTracker.none());

    assertThat(report.sourcesSynced()).isEqualTo(1);
    assertThat(report.failures()).hasSize(1);
    SyncReport.SourceFailure failure = report.failures().get(0);
    assertThat(failure.sourceId()).isEqualTo(wrong.id());
    assertThat(failure.error()).contains("401").contains("apiKey").doesNotContain("not-the-key");
    assertThat(report.itemsCreated()).isEqualTo(JellyfinSample.ITEMS);
  }

  private MediaSource plexSource(PlexStandIn plex) {
    return fixture.sources.create(
        new NewSource(
            ana.id(),
            SourceType.PLEX,
            "Cabin",
            "{\"url\": \"" + plex.baseUrl() + "\"}",
            "{\"token\": \"" + plex.token() + "\"}",
            Duration.ofHours(1)),
        now());
  }

  private MediaSource create(SourceType type, String name, JellyfinStandIn server, String extra) {
    return fixture.sources.create(
        new NewSource(
            ana.id(),
            type,
            name,
            server.config(extra),
            JellyfinStandIn.secrets(),
            Duration.ofHours(1)),
        now());
  }

  private java.time.Instant now() {
    return fixture.clock.instant();
  }

  private ItemStore items() {
    return new ItemStore(fixture.database);
  }

  private long itemId(String title) {
    return fixture
        .database
        .read(
            "find " + title,
            c ->
                io.suasor.jobs.store.Jdbc.queryOne(
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
