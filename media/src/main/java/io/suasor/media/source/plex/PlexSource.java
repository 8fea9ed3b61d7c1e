package io.suasor.media.source.plex;

import static io.suasor.media.source.plex.PlexPaging.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.MovieSource;
import io.suasor.media.source.MusicSource;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.PlayHistorySource;
import io.suasor.media.source.PlayedStateSource;
import io.suasor.media.source.PlaylistSource;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SeriesSource;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourcePlay;
import io.suasor.media.source.SourcePlaylist;
import io.suasor.media.source.UnsupportedSourceException;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerAddress;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Plex Media Server: its movie, show and music libraries with the token's account's view state,
 * that account's play history, played state written back, and playlists. Plex keeps no favourites,
 * so this is no {@link io.suasor.media.source.FavoritesSource}.
 */
public final class PlexSource
    implements MovieSource,
        SeriesSource,
        MusicSource,
        PlayHistorySource,
        PlayedStateSource,
        PlaylistSource {
  /** Names Suasor among the devices a Plex account has authorised; the same on every install. */
  static final String CLIENT_IDENTIFIER = "io.suasor.media";

  /** The media provider of a server's own libraries, as scrobble and unscrobble name it. */
  private static final String LIBRARY = "com.plexapp.plugins.library";

  static final String CREDENTIAL_ADVICE =
      "put the account's X-Plex-Token in the source's secrets as token. To find it: sign in to"
          + " Plex Web, open any item's ⋯ menu, Get Info, View XML; the address that opens ends"
          + " with X-Plex-Token=… (Plex's support article \"Finding an authentication token /"
          + " X-Plex-Token\" shows the same)";

  private final ServerSourceSettings settings;
  private final ServerHttp http;
  private final Clock clock;

  public PlexSource(String name, ServerSourceSettings settings, HttpSettings httpSettings) {
    this(name, settings, httpSettings, Clock.systemUTC());
  }

  /** {@code clock} stands in for the server's only when it sends no {@code Date}. */
  PlexSource(String name, ServerSourceSettings settings, HttpSettings httpSettings, Clock clock) {
    String token =
        settings
            .secret("token", "apiKey")
            .orElseThrow(
                () ->
                    new UnsupportedSourceException(
                        "the Plex source '" + name + "' has no token: " + CREDENTIAL_ADVICE));
    this.settings = settings;
    this.clock = clock;
    this.http =
        new ServerHttp(
            new ServerAddress("Plex", name, settings.url(), CREDENTIAL_ADVICE),
            httpSettings,
            Map.of(
                "X-Plex-Token",
                token,
                "Accept",
                "application/json",
                "X-Plex-Client-Identifier",
                CLIENT_IDENTIFIER,
                "X-Plex-Product",
                "Suasor"),
            List.of(token));
  }

  @Override
  public String describe() {
    return http.server().describe();
  }

  @Override
  public SourceCheck check() {
    return PlexCheck.check(http, settings);
  }

  @Override
  public PagedCatalog movies() {
    return new PlexCatalog(PlexCatalog.Kind.MOVIES, http, settings, clock);
  }

  @Override
  public PagedCatalog series() {
    return new PlexCatalog(PlexCatalog.Kind.SERIES, http, settings, clock);
  }

  @Override
  public PagedCatalog music() {
    return new PlexCatalog(PlexCatalog.Kind.MUSIC, http, settings, clock);
  }

  /** Every listed item carries the token's account's view count and last view. */
  @Override
  public boolean historyInCatalogs() {
    return true;
  }

  @Override
  public List<SourcePlay> playHistory(ScanProblems problems) {
    return PlexHistory.plays(http, settings, problems);
  }

  /**
   * Scrobbles or unscrobbles the item for the token's account. Plex takes no time for either: a
   * scrobbled item's last view is when the server received it, so {@code at} is not sent.
   */
  @Override
  public void setPlayed(String sourceItemId, boolean played, Instant at) {
    String path = played ? "/:/scrobble" : "/:/unscrobble";
    // Plex answers with an empty or HTML body, whatever Accept asks for.
    ServerHttp.Response response =
        http.exchangeAnyStatus(
            "PUT", path, Query.of("identifier", LIBRARY).and("key", sourceItemId));
    if (response.status() == 404) {
      throw new SourceHttpException(
          Problem.NOT_FOUND,
          http.describe("PUT", path)
              + " has no item "
              + sourceItemId
              + " (removed from Plex since the last sync?)");
    }
    if (response.status() < 200 || response.status() > 299) {
      throw new SourceHttpException(
          Problem.BAD_RESPONSE,
          http.describe("PUT", path)
              + " answered HTTP "
              + response.status()
              + " to marking item "
              + sourceItemId
              + (played ? " played" : " not played"));
    }
  }

  /** The account's video and audio playlists, smart ones with what they hold now. */
  @Override
  public List<SourcePlaylist> playlists(ScanProblems problems) {
    List<JsonNode> listed = new ArrayList<>();
    PlexPaging.each(
        http, "/playlists", Query.of(), PlexPaging.PAGE_SIZE, page -> listed.addAll(page.items()));
    List<SourcePlaylist> playlists = new ArrayList<>();
    for (JsonNode playlist : listed) {
      String id = text(playlist, "ratingKey");
      // Photos are not synced, so neither are their playlists.
      if (id == null || "photo".equals(text(playlist, "playlistType"))) {
        continue;
      }
      List<String> items = new ArrayList<>();
      PlexPaging.each(
          http,
          "/playlists/" + id + "/items",
          Query.of(),
          PlexPaging.PAGE_SIZE,
          page ->
              page.items().stream()
                  .map(item -> text(item, "ratingKey"))
                  .filter(Objects::nonNull)
                  .forEach(items::add));
      String title = text(playlist, "title");
      playlists.add(new SourcePlaylist(id, title == null ? "Playlist " + id : title, items));
    }
    return playlists;
  }
}
