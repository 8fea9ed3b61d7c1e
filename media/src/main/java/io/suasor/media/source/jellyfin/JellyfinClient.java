package io.suasor.media.source.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.FavoritesSource;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Jellyfin (10.9 and later) or Emby (4.7 and later) server as a source: its movies, series and
 * music with the chosen user's data, that user's plays, favourites (read and written), played state
 * (written) and playlists. An API key reads every user's data; the settings' {@code user} says
 * whose is the Suasor user's.
 */
public final class JellyfinClient
    implements MovieSource,
        SeriesSource,
        MusicSource,
        PlayHistorySource,
        FavoritesSource,
        PlayedStateSource,
        PlaylistSource {
  private static final List<String> PLAYABLE = List.of("Movie", "Episode", "Audio");

  private final JellyfinDialect dialect;
  private final ServerHttp http;
  private final JellyfinServer server;
  private final ItemPages items;

  private JellyfinClient(
      JellyfinDialect dialect,
      String name,
      ServerSourceSettings settings,
      HttpSettings httpSettings) {
    this.dialect = dialect;
    String apiKey =
        settings
            .secret("apiKey", "token")
            .orElseThrow(
                () ->
                    new UnsupportedSourceException(
                        "the "
                            + dialect.kind()
                            + " source '"
                            + name
                            + "' has no API key: "
                            + dialect.credentialAdvice()));
    ServerAddress address =
        new ServerAddress(dialect.kind(), name, settings.url(), dialect.credentialAdvice());
    this.http = new ServerHttp(address, httpSettings, dialect.headers(apiKey), List.of(apiKey));
    ServerHttp anonymous =
        new ServerHttp(
            address, httpSettings, Map.of("Accept", "application/json"), List.of(apiKey));
    this.server = new JellyfinServer(dialect, settings, http, anonymous);
    this.items = new ItemPages(http, dialect, server);
  }

  public static JellyfinClient jellyfin(
      String name, ServerSourceSettings settings, HttpSettings httpSettings) {
    return new JellyfinClient(JellyfinDialect.JELLYFIN, name, settings, httpSettings);
  }

  public static JellyfinClient emby(
      String name, ServerSourceSettings settings, HttpSettings httpSettings) {
    return new JellyfinClient(JellyfinDialect.EMBY, name, settings, httpSettings);
  }

  @Override
  public String describe() {
    return http.server().describe();
  }

  /** The server's public information, then its users and libraries as the API key sees them. */
  @Override
  public SourceCheck check() {
    return server.check();
  }

  @Override
  public PagedCatalog movies() {
    return new JellyfinCatalog(items, http, List.of("Movie"));
  }

  @Override
  public PagedCatalog series() {
    return new JellyfinCatalog(items, http, List.of("Series", "Season", "Episode"));
  }

  @Override
  public PagedCatalog music() {
    return new JellyfinCatalog(items, http, List.of(JellyfinCatalog.ARTIST, "MusicAlbum", "Audio"));
  }

  /** Each listed item carries the user's data. */
  @Override
  public boolean historyInCatalogs() {
    return true;
  }

  /**
   * The server keeps, per item, the last play and a count rather than each play: one play per
   * played item that has a date.
   */
  @Override
  public List<SourcePlay> playHistory(ScanProblems problems) {
    List<SourcePlay> plays = new ArrayList<>();
    items.inLibraries(
        PLAYABLE,
        Map.of("isPlayed", true),
        total -> {},
        page -> {
          for (JsonNode item : page) {
            JsonNode data = item.path("UserData");
            ItemMapper.instant(data.get("LastPlayedDate"))
                .ifPresent(
                    at ->
                        plays.add(
                            new SourcePlay(
                                item.path("Id").asText(),
                                at,
                                Math.max(1, data.path("PlayCount").asInt(1)),
                                100.0)));
          }
        });
    return plays;
  }

  /** Each listed item carries the user's favourite flag, in complete and incremental listings. */
  @Override
  public boolean favoritesInCatalogs() {
    return true;
  }

  @Override
  public Set<String> favorites(ScanProblems problems) {
    Set<String> favorites = new LinkedHashSet<>();
    Consumer<List<JsonNode>> add =
        page -> page.forEach(item -> favorites.add(item.path("Id").asText()));
    List<String> types = new ArrayList<>(ItemMapper.TYPES.keySet());
    types.remove(JellyfinCatalog.ARTIST);
    items.inLibraries(types, Map.of("isFavorite", true), total -> {}, add);
    items.albumArtists(Map.of("isFavorite", true), total -> {}, add);
    return favorites;
  }

  @Override
  public void setFavorite(String sourceItemId, boolean favorite) {
    send(dialect.favorite(server.session().userId(), sourceItemId, favorite));
  }

  @Override
  public void setPlayed(String sourceItemId, boolean played, Instant at) {
    send(dialect.played(server.session().userId(), sourceItemId, played, at));
  }

  private void send(JellyfinDialect.Call call) {
    http.sendJson(call.method(), call.path(), call.query());
  }

  /** The user's playlists, wherever they are kept (playlists belong to no library). */
  @Override
  public List<SourcePlaylist> playlists(ScanProblems problems) {
    String userId = server.session().userId();
    List<JsonNode> found = new ArrayList<>();
    items.pages(
        dialect.itemsPath(userId),
        dialect
            .itemsQuery(userId)
            .and(dialect.parameter("includeItemTypes"), "Playlist")
            .and(dialect.parameter("recursive"), true),
        total -> {},
        found::addAll);
    List<SourcePlaylist> playlists = new ArrayList<>();
    for (JsonNode playlist : found) {
      String id = playlist.path("Id").asText();
      List<String> entries = new ArrayList<>();
      items.pages(
          dialect.playlistItemsPath(id),
          Query.of(dialect.parameter("userId"), userId),
          total -> {},
          page -> page.forEach(item -> entries.add(item.path("Id").asText())));
      playlists.add(new SourcePlaylist(id, playlist.path("Name").asText(id), entries));
    }
    return playlists;
  }
}
