package io.suasor.media.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.suasor.media.store.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A Jellyfin 10.11 or Emby 4.8 server for tests, answering in the shapes of their published OpenAPI
 * descriptions from a small library held in memory: users, libraries, items with metadata, each
 * user's data, playlists, paging, the "changed since" filters and the favourite and played writes.
 * Its clock stands still until {@link #advance}; every change stamps the item's {@code
 * DateLastSaved} (or the user data's save date) with it, and every answer's {@code Date} header
 * says it.
 *
 * <p>A test changes the library with {@link #movie}, {@link #change}, {@link #userData}, {@link
 * #remove} and friends, and adds faults (a 500, a slow answer) as WireMock stubs on {@link
 * #wireMock()} at a priority above 10, where the stand-in answers everything else.
 */
public final class JellyfinStandIn implements AutoCloseable {
  public enum Flavor {
    JELLYFIN,
    EMBY
  }

  /** The API key the stand-in accepts. */
  public static final String API_KEY = "standin-key-7Qx2Lp9v";

  final Flavor flavor;
  private final WireMockServer server;
  private Instant now = Instant.parse("2025-03-01T12:00:00Z");
  String version;
  final List<ObjectNode> users = new ArrayList<>();
  final List<ObjectNode> libraries = new ArrayList<>();

  /** In the order added, which is the order of DateCreated the client sorts by. */
  final Map<String, ObjectNode> items = new LinkedHashMap<>();

  final Map<String, Map<String, ObjectNode>> userData = new HashMap<>();
  final Map<String, Map<String, Instant>> userDataSaved = new HashMap<>();
  final Map<String, List<String>> playlists = new HashMap<>();

  /** Each artist's library, which is not its parent. */
  final Map<String, String> artistLibraries = new HashMap<>();

  private int lastId;

  private JellyfinStandIn(Flavor flavor) {
    this.flavor = flavor;
    this.version = flavor == Flavor.JELLYFIN ? "10.11.11" : "4.8.11.0";
    // A short stop: a test of a slow server leaves answers still being delayed when it ends.
    this.server =
        new WireMockServer(
            options().dynamicPort().jettyStopTimeout(100L).extensions(new StandInRoutes(this)));
    server.start();
    server.stubFor(
        any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(StandInRoutes.NAME)));
  }

  public static JellyfinStandIn jellyfin() {
    return new JellyfinStandIn(Flavor.JELLYFIN);
  }

  public static JellyfinStandIn emby() {
    return new JellyfinStandIn(Flavor.EMBY);
  }

  /** The address to give a source, e.g. {@code http://localhost:41234}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** For fault stubs and for verifying the requests a client sent. */
  public WireMockServer wireMock() {
    return server;
  }

  /** A source config JSON for this server, with the given extra fields (e.g. user, libraries). */
  public String config(String extraFields) {
    return "{\"url\": \""
        + baseUrl()
        + "\""
        + (extraFields.isEmpty() ? "" : ", " + extraFields)
        + "}";
  }

  public static String secrets() {
    return "{\"apiKey\": \"" + API_KEY + "\"}";
  }

  public synchronized Instant now() {
    return now;
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** The version {@code /System/Info/Public} reports. */
  public synchronized void version(String reported) {
    version = reported;
  }

  public synchronized String addUser(String name, boolean admin) {
    ObjectNode user = Json.mapper().createObjectNode().put("Name", name).put("Id", newId());
    user.put("ServerId", "standin").put("HasPassword", true);
    user.putObject("Policy").put("IsAdministrator", admin).put("IsDisabled", false);
    users.add(user);
    return user.get("Id").asText();
  }

  /** A library ({@code collectionType} movies, tvshows or music); its id is its folder item's. */
  public synchronized String addLibrary(String name, String collectionType) {
    String id = newId();
    ObjectNode library = Json.mapper().createObjectNode().put("Name", name);
    library.putArray("Locations").add("/media/" + name.toLowerCase());
    library.put("CollectionType", collectionType).put("ItemId", id);
    if (flavor == Flavor.EMBY) {
      library.put("Id", id).put("Guid", UUID.nameUUIDFromBytes(id.getBytes()).toString());
    } else {
      library.put("RefreshStatus", "Idle");
    }
    libraries.add(library);
    return id;
  }

  public synchronized String movie(String libraryId, String name, int year) {
    ObjectNode movie = item("Movie", name, libraryId);
    movie.put("ProductionYear", year).put("PremiereDate", year + "-06-01T00:00:00.0000000Z");
    movie.put("RunTimeTicks", 7_200L * 10_000_000L).put("IsFolder", false);
    movie.put("Path", "/media/movies/" + name + " (" + year + ")/" + name + ".mkv");
    return movie.get("Id").asText();
  }

  public synchronized String series(String libraryId, String name, int year) {
    ObjectNode series = item("Series", name, libraryId).put("ProductionYear", year);
    series.put("Path", "/media/shows/" + name).put("IsFolder", true);
    return series.get("Id").asText();
  }

  public synchronized String season(String seriesId, int number) {
    ObjectNode series = items.get(seriesId);
    ObjectNode season = item("Season", "Season " + number, seriesId);
    season.put("IndexNumber", number).put("SeriesId", seriesId);
    season.put("SeriesName", series.get("Name").asText()).put("IsFolder", true);
    return season.get("Id").asText();
  }

  public synchronized String episode(String seasonId, int number, String name) {
    ObjectNode season = items.get(seasonId);
    ObjectNode episode = item("Episode", name, seasonId);
    episode.put("IndexNumber", number).put("ParentIndexNumber", season.get("IndexNumber").asInt());
    episode.put("SeasonId", seasonId).put("SeriesId", season.get("SeriesId").asText());
    episode.put("SeriesName", season.get("SeriesName").asText());
    episode.put("RunTimeTicks", 3_000L * 10_000_000L).put("IsFolder", false);
    return episode.get("Id").asText();
  }

  /**
   * An artist of a music library. As on the real servers, it lives in the server's artists folder,
   * not under the library: {@code /Items} lists none under the library's {@code parentId}, {@code
   * /Artists/AlbumArtists} lists the library's artists.
   */
  public synchronized String artist(String libraryId, String name) {
    String id =
        item("MusicArtist", name, artistsFolderId()).put("IsFolder", true).get("Id").asText();
    artistLibraries.put(id, libraryId);
    return id;
  }

  /** An album of an artist, in the artist's library. */
  public synchronized String album(String artistId, String name, int year) {
    ObjectNode artist = items.get(artistId);
    ObjectNode album =
        item("MusicAlbum", name, artistLibraries.get(artistId)).put("ProductionYear", year);
    album.put("AlbumArtist", artist.get("Name").asText()).put("IsFolder", true);
    album
        .putArray("AlbumArtists")
        .addObject()
        .put("Name", artist.get("Name").asText())
        .put("Id", artistId);
    return album.get("Id").asText();
  }

  public synchronized String track(String albumId, int number, String name) {
    ObjectNode album = items.get(albumId);
    ObjectNode track = item("Audio", name, albumId);
    track.put("IndexNumber", number).put("ParentIndexNumber", 1).put("IsFolder", false);
    track.put("AlbumId", albumId).put("Album", album.get("Name").asText());
    track.put("RunTimeTicks", 240L * 10_000_000L);
    track.set("AlbumArtists", album.get("AlbumArtists").deepCopy());
    track.putArray("Artists").add(album.get("AlbumArtist").asText());
    return track.get("Id").asText();
  }

  /** A playlist of items, in order; playlists belong to no library. */
  public synchronized String playlist(String name, List<String> itemIds) {
    String id = item("Playlist", name, null).put("IsFolder", true).get("Id").asText();
    playlists.put(id, new ArrayList<>(itemIds));
    return id;
  }

  /** Edits an item's metadata (its {@code BaseItemDto}) and stamps it saved now. */
  public synchronized void change(String itemId, Consumer<ObjectNode> edit) {
    ObjectNode item = items.get(itemId);
    edit.accept(item);
    item.put("DateLastSaved", now.toString());
  }

  /** Edits a user's data of an item ({@code UserItemDataDto}) and stamps it saved now. */
  public synchronized void userData(String userId, String itemId, Consumer<ObjectNode> edit) {
    edit.accept(userDataOf(userId, itemId));
    userDataSaved.computeIfAbsent(userId, u -> new HashMap<>()).put(itemId, now);
  }

  /** A copy of a user's data of an item, as the server keeps it. */
  public synchronized ObjectNode userData(String userId, String itemId) {
    return userDataOf(userId, itemId).deepCopy();
  }

  /** Removes an item and everything under it. */
  public synchronized void remove(String itemId) {
    List<String> gone = new ArrayList<>();
    for (String id : items.keySet()) {
      if (ancestors(id).contains(itemId) || id.equals(itemId)) {
        gone.add(id);
      }
    }
    gone.forEach(items::remove);
  }

  /** The id of the first item of that name. */
  public synchronized String idOf(String name) {
    return items.values().stream()
        .filter(item -> item.get("Name").asText().equals(name))
        .map(item -> item.get("Id").asText())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no item named " + name));
  }

  @Override
  public void close() {
    server.stop();
  }

  ObjectNode userDataOf(String userId, String itemId) {
    return userData
        .computeIfAbsent(userId, u -> new HashMap<>())
        .computeIfAbsent(
            itemId,
            id ->
                Json.mapper()
                    .createObjectNode()
                    .put("PlaybackPositionTicks", 0)
                    .put("PlayCount", 0)
                    .put("IsFavorite", false)
                    .put("Played", false)
                    .put("Key", id)
                    .put("ItemId", id));
  }

  /** The item's parents up to its library, nearest first. */
  List<String> ancestors(String itemId) {
    List<String> chain = new ArrayList<>();
    ObjectNode item = items.get(itemId);
    while (item != null && item.hasNonNull("ParentId")) {
      String parent = item.get("ParentId").asText();
      chain.add(parent);
      item = items.get(parent);
    }
    return chain;
  }

  private ObjectNode item(String type, String name, String parentId) {
    ObjectNode item = Json.mapper().createObjectNode().put("Name", name).put("Id", newId());
    item.put("ServerId", "standin").put("Type", type).put("ParentId", parentId);
    item.put("SortName", name.toLowerCase()).put("Overview", "About " + name + ".");
    item.put("DateCreated", now.toString()).put("DateLastSaved", now.toString());
    item.putObject("ProviderIds");
    item.putArray("Genres");
    item.putArray("People");
    item.putArray("Tags");
    items.put(item.get("Id").asText(), item);
    return item;
  }

  /** The folder all artists are kept in, outside every library; not an item of its own here. */
  private String artistsFolderId() {
    return flavor == Flavor.EMBY ? "100" : "5e5fa1ad0a1b4c2d9e3f6a7b8c9d0e1f";
  }

  /** Jellyfin's ids are GUIDs written without dashes; Emby's are numbers. */
  private String newId() {
    lastId++;
    return flavor == Flavor.EMBY
        ? String.valueOf(100 + lastId)
        : UUID.nameUUIDFromBytes(("standin-" + lastId).getBytes(StandardCharsets.UTF_8))
            .toString()
            .replace("-", "");
  }

  static ArrayNode array() {
    return Json.mapper().createArrayNode();
  }
}
