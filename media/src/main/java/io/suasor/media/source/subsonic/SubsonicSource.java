package io.suasor.media.source.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.FavoritesSource;
import io.suasor.media.source.MusicSource;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.PlaylistSource;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.UnsupportedSourceException;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerAddress;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import io.suasor.media.source.subsonic.SubsonicItems.ItemId;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Subsonic server (API 1.10 and later: Subsonic, Navidrome, Airsonic, gonic, supysonic), read as
 * the user whose login and password the source holds; the data synced is that user's.
 *
 * <p>What it offers: music ({@link #music()}: artists, albums, songs), the user's starred items as
 * favourites, read and written ({@code getStarred2}, {@code star}, {@code unstar}), and their
 * playlists. Ratings (1–5 stars) and, where the server reports them, play counts come with the
 * items. What Subsonic lacks, so this source does not offer it: movies and series, a play history
 * (only "now playing" and per-item counts), and a way to mark an item played (a scrobble counts a
 * play on some servers and on others, supysonic among them, is accepted and dropped).
 */
public final class SubsonicSource implements MusicSource, FavoritesSource, PlaylistSource {
  private final SubsonicApi api;
  private final MusicFolders folders;

  public SubsonicSource(String name, ServerSourceSettings settings, HttpSettings http) {
    this(name, settings, http, InstantSource.system());
  }

  /**
   * @param clock used only when the server sends no {@code Date}, to date a listing
   */
  public SubsonicSource(
      String name, ServerSourceSettings settings, HttpSettings http, InstantSource clock) {
    String login =
        settings
            .user()
            .orElseThrow(
                () ->
                    new UnsupportedSourceException(
                        "a subsonic source needs user, the Subsonic login whose music and"
                            + " favourites to sync, in its config"));
    String password =
        settings
            .secret("password")
            .orElseThrow(
                () ->
                    new UnsupportedSourceException(
                        "a subsonic source needs the Subsonic password of user "
                            + login
                            + " in its secrets, as password"));
    ServerHttp server =
        new ServerHttp(
            new ServerAddress("Subsonic", name, settings.url(), SubsonicApi.ADVICE),
            http,
            Map.of("Accept", "application/json"),
            List.of(password, SubsonicApi.hex(password)));
    this.api = new SubsonicApi(server, login, password, clock);
    this.folders = new MusicFolders(api, settings);
  }

  @Override
  public String describe() {
    return api.http().server().describe();
  }

  /** Pings the server (its API version), reads the user (admin or not) and the music folders. */
  @Override
  public SourceCheck check() {
    SubsonicApi.Session session = api.session();
    JsonNode ping = session.ping();
    JsonNode user = api.get("getUser", Query.of("username", api.login())).path("user");
    List<SourceCheck.Library> libraries = new ArrayList<>();
    for (MusicFolders.Folder folder : folders.all()) {
      libraries.add(
          new SourceCheck.Library(folder.id(), folder.name(), "music", folder.included()));
    }
    String serverVersion = ping.path("serverVersion").asText("");
    return new SourceCheck(
        URI.create(api.http().server().url()).getHost(),
        ping.path("type").asText("Subsonic"),
        (serverVersion.isEmpty() ? "" : serverVersion + ", ") + "API " + session.server(),
        List.of(
            new SourceCheck.User(
                user.path("username").asText(api.login()),
                user.path("username").asText(api.login()),
                user.path("adminRole").asBoolean(false),
                true)),
        libraries);
  }

  @Override
  public PagedCatalog music() {
    return new SubsonicMusicCatalog(api, folders);
  }

  @Override
  public Set<String> favorites(ScanProblems problems) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(starred(problems).keySet()));
  }

  @Override
  public Map<String, Instant> favoriteTimes(ScanProblems problems) {
    return starred(problems);
  }

  /**
   * The user's starred artists, albums and songs of the included folders, each with when it was
   * starred (null when the server gives no time it can read, which is reported).
   */
  public Map<String, Instant> starred(ScanProblems problems) {
    Map<String, Instant> starred = new LinkedHashMap<>();
    for (String folder : folders.scope()) {
      JsonNode answer = api.get("getStarred2", Query.of("musicFolderId", folder)).path("starred2");
      add(starred, answer, "artist", SubsonicItems.ARTIST, problems);
      add(starred, answer, "album", SubsonicItems.ALBUM, problems);
      add(starred, answer, "song", SubsonicItems.TRACK, problems);
    }
    return Collections.unmodifiableMap(starred);
  }

  private static void add(
      Map<String, Instant> starred,
      JsonNode answer,
      String list,
      String kind,
      ScanProblems problems) {
    for (JsonNode item : SubsonicItems.list(answer, list)) {
      String id = kind + item.path("id").asText();
      String at = item.path("starred").asText(null);
      Instant when = SubsonicItems.date(at).orElse(null);
      if (when == null) {
        problems.report(id, "starred at an unreadable time: " + at);
      }
      starred.put(id, when);
    }
  }

  /**
   * Stars or unstars an artist, album or song. Some servers (supysonic) refuse to star an item
   * already starred; a refusal that leaves the item as wanted is no failure.
   */
  @Override
  public void setFavorite(String sourceItemId, boolean favorite) {
    ItemId item =
        ItemId.of(sourceItemId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not an item id of a Subsonic source: " + sourceItemId));
    String parameter =
        switch (item.kind()) {
          case SubsonicItems.ARTIST -> "artistId";
          case SubsonicItems.ALBUM -> "albumId";
          default -> "id";
        };
    try {
      api.get(favorite ? "star" : "unstar", Query.of(parameter, item.serverId()));
    } catch (SourceHttpException e) {
      if (e.problem() != Problem.BAD_RESPONSE
          || starred(new ScanProblems()).containsKey(sourceItemId) != favorite) {
        throw e;
      }
    }
  }

  /**
   * The user's own playlists with their songs. Public playlists of other users, which Subsonic
   * lists too, are theirs and are left out.
   */
  @Override
  public List<SourcePlaylist> playlists(ScanProblems problems) {
    List<SourcePlaylist> playlists = new ArrayList<>();
    JsonNode answer = api.get("getPlaylists", Query.of()).path("playlists");
    for (JsonNode listed : SubsonicItems.list(answer, "playlist")) {
      String owner = listed.path("owner").asText(api.login());
      if (!owner.equalsIgnoreCase(api.login())) {
        continue;
      }
      String id = listed.path("id").asText();
      JsonNode playlist;
      try {
        playlist = api.get("getPlaylist", Query.of("id", id)).path("playlist");
      } catch (SourceHttpException e) {
        if (e.problem() != Problem.NOT_FOUND) {
          throw e;
        }
        problems.report("playlist:" + id, "deleted while syncing: " + e.getMessage());
        continue;
      }
      List<String> songs = new ArrayList<>();
      for (JsonNode entry : SubsonicItems.list(playlist, "entry")) {
        songs.add(SubsonicItems.TRACK + entry.path("id").asText());
      }
      playlists.add(new SourcePlaylist(id, listed.path("name").asText(id), songs));
    }
    return playlists;
  }

  /** Whether requests are signed with a token (else with the hex-encoded password). */
  boolean signsWithToken() {
    return api.session().token();
  }
}
