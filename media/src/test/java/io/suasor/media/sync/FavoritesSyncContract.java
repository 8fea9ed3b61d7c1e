package io.suasor.media.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.WorkCancelledException;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.RefStore;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.sync.FavoritesSyncReport.SourceOutcome;
import io.suasor.media.sync.FavoritesSyncReport.Status;
import io.suasor.media.testing.JellyfinSample;
import io.suasor.media.testing.JellyfinStandIn;
import io.suasor.media.testing.MediaFixture;
import io.suasor.media.testing.RecordingTracker;
import io.suasor.media.testing.SupysonicServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The favourites sync on SQLite and PostgreSQL, across a real Subsonic server (Debian's supysonic,
 * which dates each star) and Jellyfin and Emby stand-ins (WireMock servers answering in the shapes
 * of their published API descriptions, which record the favourite writes; no real Jellyfin or Emby
 * runs here). The album "First Light" by "The Sine Waves" is in all three, so its songs "Dawn" and
 * "Morning" are each one item with three references; "Gust" is only in Subsonic, "Inception" only
 * in the Jellyfin-shaped servers.
 */
abstract class FavoritesSyncContract {
  /** Quick to give up on a server that does not answer, so that a test of one stays short. */
  static final HttpSettings IMPATIENT =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(20),
          Duration.ofSeconds(5),
          3);

  static SupysonicServer subsonic;

  @TempDir Path temp;
  MediaFixture fixture;
  FavoritesSyncService favorites;
  JellyfinStandIn jellyfin;
  JellyfinSample sample;
  User ana;
  MediaSource den;
  MediaSource home;

  abstract Database database(Path folder);

  @BeforeAll
  static void startSubsonic() {
    subsonic = SupysonicServer.start();
  }

  @AfterAll
  static void stopSubsonic() {
    subsonic.close();
  }

  @BeforeEach
  void setUp() {
    fixture = new MediaFixture(database(temp));
    // Suasor's clock is set a day behind the real one, whose time supysonic stamps on each star.
    fixture.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)));
    favorites =
        new FavoritesSyncService(
            fixture.database,
            fixture.sources,
            new SourceClientsByType(fixture.sources, IMPATIENT),
            fixture.clock);
    jellyfin = JellyfinStandIn.jellyfin();
    sample = JellyfinSample.addTo(jellyfin);
    addFirstLight(jellyfin, sample.musicId());
    ana = new UserStore(fixture.database).create("ana", null, Role.USER, true, now());
    den = source(ana, SourceType.SUBSONIC, "Den", subsonic.configJson(), subsonic.secretsJson());
    home = server(ana, SourceType.JELLYFIN, "Home", jellyfin, "alice");
  }

  @AfterEach
  void tearDown() {
    for (String kind : List.of("song", "album", "artist")) {
      for (JsonNode item : subsonic.call("getStarred2").path("starred2").path(kind)) {
        String parameter = kind.equals("song") ? "id" : kind + "Id";
        subsonic.call("unstar", parameter, item.path("id").asText());
      }
    }
    jellyfin.close();
    fixture.close();
  }

  @Test
  void aPlantedConflictConvergesToTheNewestChangeWhileAnUnreachableSourceCatchesUpNextRun() {
    try (JellyfinStandIn emby = JellyfinStandIn.emby()) {
      JellyfinSample embySample = JellyfinSample.addTo(emby);
      addFirstLight(emby, embySample.musicId());
      MediaSource office = server(ana, SourceType.EMBY, "Office", emby, "alice");
      mediaSync();
      assertThat(new RefStore(fixture.database).byItem(itemId("Dawn"))).hasSize(3);
      FavoritesSyncReport baseline = favorites.syncFor(ana.id(), WorkTracker.none());
      assertThat(baseline.failures()).isEmpty();

      // Morning is starred in Subsonic, then favourited and unfavourited in Suasor: Suasor's
      // change is the newer. Dawn is unfavourited in Suasor, then favourited in Jellyfin, which
      // gives no time: it was seen at the run, later. Gust, in Subsonic alone, is favourited in
      // Suasor. Emby is unreachable during the run.
      subsonic.call("star", "id", subsonic.songId("Morning"));
      Instant starred = starredAt("Morning");
      fixture.clock.set(starred.plus(Duration.ofMinutes(1)));
      UserDataStore data = new UserDataStore(fixture.database);
      data.setFavorite(ana.id(), itemId("Morning"), true, now());
      data.setFavorite(ana.id(), itemId("Dawn"), true, now());
      data.setFavorite(ana.id(), itemId("Gust"), true, now());
      fixture.clock.advance(Duration.ofMinutes(1));
      data.setFavorite(ana.id(), itemId("Morning"), false, now());
      data.setFavorite(ana.id(), itemId("Dawn"), false, now());
      jellyfin.userData(sample.aliceId(), jellyfin.idOf("Dawn"), d -> d.put("IsFavorite", true));
      StubMapping down =
          emby.wireMock()
              .stubFor(
                  any(anyUrl())
                      .atPriority(1)
                      .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      fixture.clock.advance(Duration.ofMinutes(1));
      RecordingTracker tracker = RecordingTracker.watching();

      FavoritesSyncReport first = favorites.syncFor(ana.id(), tracker);

      assertThat(favorite("Dawn")).isTrue();
      assertThat(favorite("Morning")).isFalse();
      assertThat(favorite("Gust")).isTrue();
      assertThat(favorite("Inception")).isTrue();
      assertThat(starredSongs()).containsExactlyInAnyOrder("Dawn", "Gust");
      assertThat(isFavorite(jellyfin, sample.aliceId(), "Dawn")).isTrue();
      assertThat(isFavorite(jellyfin, sample.aliceId(), "Morning")).isFalse();
      assertThat(isFavorite(emby, embySample.aliceId(), "Dawn")).isFalse();
      SourceOutcome subsonicPart = outcome(first, den);
      assertThat(subsonicPart.status()).isEqualTo(Status.SYNCED);
      assertThat(subsonicPart.conflicts()).isEqualTo(1);
      assertThat(subsonicPart.writtenBack()).isEqualTo(3);
      SourceOutcome jellyfinPart = outcome(first, home);
      assertThat(jellyfinPart.status()).isEqualTo(Status.SYNCED);
      assertThat(jellyfinPart.conflicts()).isEqualTo(1);
      assertThat(jellyfinPart.favoritesImported()).isEqualTo(1);
      assertThat(jellyfinPart.writtenBack()).isZero();
      SourceOutcome embyPart = outcome(first, office);
      assertThat(embyPart.status()).isEqualTo(Status.FAILED);
      assertThat(embyPart.error()).contains("Office").doesNotContain(JellyfinStandIn.API_KEY);
      assertThat(first.failures()).containsExactly(embyPart);
      assertThat(first.usersSynced()).isZero();
      assertThat(tracker.stat("conflicts")).isEqualTo(2);
      assertThat(tracker.stat("writtenBack")).isEqualTo(3);
      assertThat(tracker.stat("sourcesSynced")).isEqualTo(2);
      assertThat(tracker.stat("sourcesFailed")).isEqualTo(1);
      assertThat(tracker.processed()).isEqualTo(tracker.total()).isEqualTo(1);

      emby.wireMock().removeStub(down);
      fixture.clock.advance(Duration.ofMinutes(1));
      FavoritesSyncReport second = favorites.syncFor(ana.id(), WorkTracker.none());

      assertThat(second.failures()).isEmpty();
      assertThat(second.usersSynced()).isEqualTo(1);
      assertThat(outcome(second, office).writtenBack()).isEqualTo(1);
      assertThat(isFavorite(emby, embySample.aliceId(), "Dawn")).isTrue();
      assertThat(second.total(SourceOutcome::conflicts)).isZero();
      assertThat(second.total(SourceOutcome::favoritesImported)).isZero();
      assertThat(second.total(SourceOutcome::writtenBack)).isEqualTo(1);

      assertThatASecondRunChangesNothing(emby);
    }
  }

  @Test
  void aRunThatConvergedIsFollowedByOneThatChangesNothing() {
    mediaSync();
    favorites.syncFor(ana.id(), WorkTracker.none());
    subsonic.call("star", "id", subsonic.songId("Morning"));
    jellyfin.userData(sample.aliceId(), jellyfin.idOf("Dawn"), d -> d.put("IsFavorite", true));
    fixture.clock.set(Instant.now().plus(Duration.ofMinutes(1)));

    FavoritesSyncReport converged = favorites.syncFor(ana.id(), WorkTracker.none());

    assertThat(converged.total(SourceOutcome::favoritesImported)).isEqualTo(2);
    assertThat(converged.total(SourceOutcome::writtenBack)).isEqualTo(2);
    assertThat(converged.total(SourceOutcome::conflicts)).isZero();
    assertThat(starredSongs()).containsExactlyInAnyOrder("Dawn", "Morning");
    assertThat(isFavorite(jellyfin, sample.aliceId(), "Morning")).isTrue();
    assertThatASecondRunChangesNothing(null);
  }

  @Test
  void aChangeInASourceAfterItWasWrittenThereIsNoConflictButOneBeforeIs() {
    mediaSync();
    favorites.syncFor(ana.id(), WorkTracker.none());
    fixture.clock.set(Instant.now());
    UserDataStore data = new UserDataStore(fixture.database);
    data.setFavorite(ana.id(), itemId("Heat"), true, now());
    fixture.clock.advance(Duration.ofMinutes(1));
    assertThat(outcome(favorites.syncFor(ana.id(), WorkTracker.none()), home).writtenBack())
        .isEqualTo(1);

    // Alice takes Heat out of her Jellyfin favourites after Suasor wrote it there: that is the
    // newest word, and nothing Suasor holds contradicts it.
    jellyfin.userData(sample.aliceId(), jellyfin.idOf("Heat"), d -> d.put("IsFavorite", false));
    fixture.clock.advance(Duration.ofMinutes(1));
    SourceOutcome after = outcome(favorites.syncFor(ana.id(), WorkTracker.none()), home);

    assertThat(after.conflicts()).isZero();
    assertThat(after.favoritesImported()).isEqualTo(1);
    assertThat(favorite("Heat")).isFalse();

    // Inception, a favourite everywhere, is unfavourited in Jellyfin while in Suasor it is
    // unfavourited and favourited again: both changed since Jellyfin last spoke, a conflict that
    // Jellyfin's change, seen last, wins. Arrival, favourited in Suasor alone, is no conflict.
    data.setFavorite(ana.id(), itemId("Arrival"), true, now());
    jellyfin.userData(
        sample.aliceId(), jellyfin.idOf("Inception"), d -> d.put("IsFavorite", false));
    data.setFavorite(ana.id(), itemId("Inception"), false, now());
    data.setFavorite(ana.id(), itemId("Inception"), true, now().plusSeconds(1));
    fixture.clock.advance(Duration.ofMinutes(1));
    SourceOutcome conflict = outcome(favorites.syncFor(ana.id(), WorkTracker.none()), home);

    assertThat(conflict.conflicts()).isEqualTo(1);
    assertThat(favorite("Inception")).isFalse();
    assertThat(favorite("Arrival")).isTrue();
    assertThat(isFavorite(jellyfin, sample.aliceId(), "Arrival")).isTrue();
  }

  @Test
  void aUserWhoseOnlySourceIsALocalFolderIsToldThereIsNothingToReconcile() throws Exception {
    User bo = new UserStore(fixture.database).create("bo", null, Role.USER, true, now());
    Path films = Files.createDirectories(temp.resolve("films"));
    source(
        bo,
        SourceType.LOCAL,
        "Films",
        "{\"moviesPath\": \"" + films.toString().replace("\\", "\\\\") + "\"}",
        null);

    RecordingTracker tracker = RecordingTracker.watching();
    FavoritesSyncReport report = favorites.syncFor(bo.id(), tracker);

    assertThat(report.users()).isEqualTo(1);
    assertThat(report.usersWithoutFavoriteSources()).isEqualTo(1);
    assertThat(report.failures()).isEmpty();
    assertThat(report.sources())
        .extracting(SourceOutcome::status)
        .containsExactly(Status.NO_FAVORITES);
    assertThat(report.notes())
        .containsExactly(
            "user bo: no source keeps favourites ('Films' (local)), so there was nothing to"
                + " reconcile; Suasor's own favourites stand");
    assertThat(tracker.stat("usersWithoutFavoriteSources")).isEqualTo(1);
    assertThat(tracker.stat("sourcesWithoutFavorites")).isEqualTo(1);
    assertThat(tracker.stat("writtenBack")).isZero();
  }

  @Test
  void aRunCancelledBetweenUsersLeavesTheRestForTheNextRun() {
    User bo = new UserStore(fixture.database).create("bo", null, Role.USER, true, now());
    MediaSource bobs = server(bo, SourceType.JELLYFIN, "Bob's", jellyfin, "bob");
    mediaSync();
    favorites.syncAll(WorkTracker.none());
    fixture.clock.set(Instant.now());
    UserDataStore data = new UserDataStore(fixture.database);
    data.setFavorite(ana.id(), itemId("Arrival"), true, now());
    data.setFavorite(bo.id(), itemId("Heat"), true, now());
    fixture.clock.advance(Duration.ofMinutes(1));

    RecordingTracker tracker = RecordingTracker.cancellingAfter(1);
    assertThatThrownBy(() -> favorites.syncAll(tracker)).isInstanceOf(WorkCancelledException.class);

    assertThat(tracker.total()).isEqualTo(2);
    assertThat(tracker.processed()).isEqualTo(1);
    assertThat(isFavorite(jellyfin, sample.aliceId(), "Arrival")).isTrue();
    assertThat(isFavorite(jellyfin, sample.bobId(), "Heat")).isFalse();

    FavoritesSyncReport next = favorites.syncAll(WorkTracker.none());
    assertThat(outcome(next, bobs).writtenBack()).isEqualTo(1);
    assertThat(outcome(next, home).writtenBack()).isZero();
    assertThat(isFavorite(jellyfin, sample.bobId(), "Heat")).isTrue();
  }

  /** Runs again: nothing in Suasor, the sources or the statistics changes. */
  private void assertThatASecondRunChangesNothing(JellyfinStandIn other) {
    List<UserItemData> before = new UserDataStore(fixture.database).byUser(ana.id());
    int jellyfinWrites = favoriteWrites(jellyfin);
    int otherWrites = other == null ? 0 : favoriteWrites(other);
    List<String> starred = starredSongs();
    fixture.clock.advance(Duration.ofMinutes(1));
    RecordingTracker tracker = RecordingTracker.watching();

    FavoritesSyncReport again = favorites.syncFor(ana.id(), tracker);

    assertThat(again.failures()).isEmpty();
    assertThat(again.usersSynced()).isEqualTo(1);
    for (String key : List.of("favoritesImported", "conflicts", "writtenBack", "problems")) {
      assertThat(tracker.stat(key)).as(key).isZero();
    }
    assertThat(new UserDataStore(fixture.database).byUser(ana.id())).isEqualTo(before);
    assertThat(favoriteWrites(jellyfin)).isEqualTo(jellyfinWrites);
    if (other != null) {
      assertThat(favoriteWrites(other)).isEqualTo(otherWrites);
    }
    assertThat(starredSongs()).containsExactlyInAnyOrderElementsOf(starred);
  }

  /** The Sine Waves' album "First Light", as supysonic's library has it. */
  private static void addFirstLight(JellyfinStandIn server, String musicLibrary) {
    String artist = server.artist(musicLibrary, "The Sine Waves");
    String album = server.album(artist, "First Light", 2001);
    server.track(album, 1, "Dawn");
    server.track(album, 2, "Morning");
  }

  private void mediaSync() {
    SyncReport report =
        new MediaSyncService(
                fixture.database,
                fixture.sources,
                new SourceClientsByType(fixture.sources, IMPATIENT),
                fixture.clock,
                SyncSettings.defaults())
            .syncAll(SyncRequest.of(SyncType.FULL), WorkTracker.none());
    assertThat(report.failures()).isEmpty();
  }

  private MediaSource server(
      User owner, SourceType type, String name, JellyfinStandIn server, String user) {
    return source(
        owner, type, name, server.config("\"user\": \"" + user + "\""), JellyfinStandIn.secrets());
  }

  private MediaSource source(
      User owner, SourceType type, String name, String config, String secrets) {
    return fixture.sources.create(
        new NewSource(owner.id(), type, name, config, secrets, Duration.ofHours(1)), now());
  }

  private static SourceOutcome outcome(FavoritesSyncReport report, MediaSource source) {
    return report.sources().stream()
        .filter(s -> s.sourceId() == source.id())
        .findFirst()
        .orElseThrow();
  }

  private static int favoriteWrites(JellyfinStandIn server) {
    return server
        .wireMock()
        .findAll(anyRequestedFor(urlPathMatching(".*/(UserFavoriteItems|FavoriteItems)/.*")))
        .size();
  }

  private static boolean isFavorite(JellyfinStandIn server, String userId, String name) {
    return server.userData(userId, server.idOf(name)).path("IsFavorite").asBoolean();
  }

  private List<String> starredSongs() {
    return subsonic.call("getStarred2").path("starred2").findValuesAsText("title");
  }

  /**
   * When supysonic says it starred a song, read as the client reads it: its dates carry no zone,
   * and are taken as UTC; the test's times are set from it, so they agree whatever the zone.
   */
  private Instant starredAt(String title) {
    for (JsonNode song : subsonic.call("getStarred2").path("starred2").path("song")) {
      if (song.path("title").asText().equals(title)) {
        String at = song.path("starred").asText();
        try {
          return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException withoutOffset) {
          return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
        }
      }
    }
    throw new IllegalStateException(title + " is not starred");
  }

  private boolean favorite(String title) {
    return new UserDataStore(fixture.database)
        .get(ana.id(), itemId(title))
        .map(UserItemData::favorite)
        .orElse(false);
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

  private Instant now() {
    return fixture.clock.instant();
  }
}
