package io.suasor.media.source.subsonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.testing.SupysonicLibrary;
import io.suasor.media.testing.SupysonicServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Subsonic source against a real Subsonic server: supysonic 0.7 (API 1.10.2). */
class SubsonicSourceTest {
  private static SupysonicServer server;

  @BeforeAll
  static void start() {
    server = SupysonicServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static SubsonicSource source() {
    return source(server.settings());
  }

  private static SubsonicSource source(ServerSourceSettings settings) {
    return new SubsonicSource("Home", settings, Listing.FAST);
  }

  @Test
  void checkAnswersTheApiVersionTheUserAndTheMusicFolders() {
    SourceCheck check = source().check();

    assertThat(check.product()).isEqualTo("Subsonic");
    assertThat(check.version()).isEqualTo("API 1.10.2");
    assertThat(check.serverName()).isEqualTo("127.0.0.1");
    assertThat(check.users())
        .containsExactly(
            new SourceCheck.User(SupysonicServer.USER, SupysonicServer.USER, true, true));
    assertThat(check.libraries()).extracting(SourceCheck.Library::name).containsExactly("Music");
    assertThat(check.libraries().get(0).included()).isTrue();
  }

  @Test
  void supysonicIsSignedInWithTheEncodedPasswordSinceItTakesNoToken() {
    SubsonicSource source = source();

    source.check();

    assertThat(source.signsWithToken()).isFalse();
  }

  @Test
  void libraryNamesThatMatchNoFolderAreRefusedNamingTheFolders() {
    ServerSourceSettings settings =
        ServerSourceSettings.parse(
            "subsonic",
            "{\"url\": \""
                + server.url()
                + "\", \"user\": \"listener\", \"libraries\": [\"Jazz\"]}",
            server.secretsJson());

    assertThatThrownBy(() -> source(settings).check())
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_SETTINGS))
        .hasMessageContaining("Music (id ");
  }

  @Test
  void theCatalogListsEveryArtistThenAlbumThenSongUnderItsParent() {
    Listing listing = Listing.of(source().music(), null);

    assertThat(listing.expected()).isEqualTo(listing.items().size());
    assertThat(listing.items()).extracting(SourceItem::type).isSortedAccordingTo(Enum::compareTo);
    assertThat(listing.of(MediaType.ARTIST))
        .extracting(item -> item.metadata().title())
        .containsExactlyInAnyOrder("The Sine Waves", "Square Root");
    Map<String, String> titles =
        listing.items().stream()
            .collect(Collectors.toMap(SourceItem::id, item -> item.metadata().title()));
    Map<String, String> albumArtists =
        listing.of(MediaType.ALBUM).stream()
            .collect(
                Collectors.toMap(
                    item -> item.metadata().title(), item -> titles.get(item.parentId())));
    assertThat(albumArtists)
        .isEqualTo(
            Map.of(
                "First Light", "The Sine Waves",
                "Second Wind", "The Sine Waves",
                "Roots", "Square Root"));
    List<String> songs = new ArrayList<>();
    for (SourceItem track : listing.of(MediaType.TRACK)) {
      songs.add(titles.get(track.parentId()) + "/" + track.metadata().title());
    }
    assertThat(songs)
        .containsExactlyInAnyOrderElementsOf(
            SupysonicLibrary.SONGS.stream().map(s -> s.album() + "/" + s.title()).toList());
    assertThat(listing.items()).allSatisfy(item -> assertThat(item.id()).contains(":"));
  }

  @Test
  void songsAndAlbumsCarryTheirTags() {
    Listing listing = Listing.of(source().music(), null);

    SourceItem breeze = listing.titled("Breeze");
    assertThat(breeze.numbering()).isEqualTo(Numbering.track(2, 1));
    assertThat(breeze.metadata().year()).isEqualTo(2005);
    assertThat(breeze.metadata().genres()).containsExactly("Jazz");
    assertThat(breeze.metadata().durationSeconds()).isEqualTo(1);
    assertThat(breeze.metadata().credits())
        .extracting(credit -> credit.person())
        .containsExactly("The Sine Waves");
    SourceItem roots = listing.titled("Roots");
    assertThat(roots.metadata().year()).isEqualTo(1999);
    assertThat(roots.metadata().genres()).containsExactly("Pop");
  }

  @Test
  void anUnchangedItemKeepsItsFingerprintAndAChangedOneDoesNot() {
    Listing before = Listing.of(source().music(), null);
    server.call("setRating", "id", server.songId("Gust"), "rating", "4");
    server.call("star", "albumId", server.albumId("First Light"));

    Listing after = Listing.of(source().music(), null);

    SourceItem gust = after.titled("Gust");
    assertThat(gust.watchState().userRating()).isEqualTo(8.0);
    assertThat(gust.entry().fingerprint())
        .isNotEqualTo(before.titled("Gust").entry().fingerprint());
    assertThat(after.titled("First Light").watchState().favorite()).isTrue();
    assertThat(after.titled("Radical").entry().fingerprint())
        .isEqualTo(before.titled("Radical").entry().fingerprint());
    assertThat(after.titled("Radical").watchState().favorite()).isFalse();
  }

  @Test
  void favouritesAreTheStarredItemsWithWhenTheyWereStarred() {
    Instant before = Instant.now().minusSeconds(5);
    server.call("star", "id", server.songId("Dawn"));
    server.call("star", "albumId", server.albumId("Roots"));
    server.call("star", "artistId", server.artistId("Square Root"));

    Map<String, Instant> starred = source().starred(new ScanProblems());

    assertThat(starred)
        .containsKeys(
            "track:" + server.songId("Dawn"),
            "album:" + server.albumId("Roots"),
            "artist:" + server.artistId("Square Root"));
    assertThat(starred.get("track:" + server.songId("Dawn")))
        .isBetween(before, Instant.now().plusSeconds(5));
    assertThat(source().favorites(new ScanProblems())).isEqualTo(starred.keySet());
  }

  @Test
  void favouritesAreWrittenToTheServerAndStarringTwiceIsNoError() {
    SubsonicSource source = source();
    List<String> ids =
        List.of(
            "track:" + server.songId("Morning"),
            "album:" + server.albumId("Second Wind"),
            "artist:" + server.artistId("The Sine Waves"));

    for (String id : ids) {
      source.setFavorite(id, true);
      source.setFavorite(id, true);
    }
    assertThat(starredOnServer()).containsAll(ids);

    for (String id : ids) {
      source.setFavorite(id, false);
    }
    assertThat(starredOnServer()).doesNotContainAnyElementsOf(ids);
  }

  private static Set<String> starredOnServer() {
    JsonNode starred = server.call("getStarred2").path("starred2");
    Set<String> ids = new java.util.HashSet<>();
    starred.path("artist").forEach(a -> ids.add("artist:" + a.path("id").asText()));
    starred.path("album").forEach(a -> ids.add("album:" + a.path("id").asText()));
    starred.path("song").forEach(s -> ids.add("track:" + s.path("id").asText()));
    return ids;
  }

  @Test
  void playlistsAreTheUsersOwnWithTheirSongsInOrder() {
    String id = server.createPlaylist("Road Trip", "Radical", "Dawn", "Breeze");
    server.createPublicPlaylistOfOtherUser("Next Door", "Gust");

    List<SourcePlaylist> playlists = source().playlists(new ScanProblems());

    assertThat(playlists)
        .containsExactly(
            new SourcePlaylist(
                id,
                "Road Trip",
                List.of(
                    "track:" + server.songId("Radical"),
                    "track:" + server.songId("Dawn"),
                    "track:" + server.songId("Breeze"))));
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessageThatHoldsNoPassword() {
    String password = "wrong-Secret-42";
    ServerSourceSettings settings =
        ServerSourceSettings.parse(
            "subsonic", server.configJson(), "{\"password\": \"" + password + "\"}");

    assertThatThrownBy(() -> source(settings).check())
        .isInstanceOfSatisfying(
            SourceHttpException.class, e -> assertThat(e.problem()).isEqualTo(Problem.UNAUTHORIZED))
        .hasMessageContaining("listener")
        .hasMessageContaining("password")
        .hasMessageNotContaining(password)
        .hasMessageNotContaining(SubsonicApi.hex(password));
  }

  @Test
  void aStoppedServerIsUnreachable() {
    ServerSourceSettings settings;
    try (SupysonicServer stopped = SupysonicServer.start()) {
      settings = stopped.settings();
      assertThat(source(settings).check().version()).isEqualTo("API 1.10.2");
      stopped.stop();

      assertThatThrownBy(() -> source(settings).check())
          .isInstanceOfSatisfying(
              SourceHttpException.class,
              e -> assertThat(e.problem()).isEqualTo(Problem.UNREACHABLE))
          .hasMessageContaining(stopped.url());
    }
  }
}
