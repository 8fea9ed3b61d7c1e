package io.suasor.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Jellyfin-shaped server for the media server sync benchmark, in the benchmark's own process: the
 * routes a Jellyfin client uses ({@code /System/Info/Public}, {@code /Users}, {@code
 * /Library/VirtualFolders}, {@code /Items} with paging, type and "changed since" filters, {@code
 * /Artists/AlbumArtists} with paging) answering in the shapes of Jellyfin 10.11's OpenAPI
 * description, over a library generated item by item from its index, so that the server holds no
 * library in memory and its own heap does not count against the sync's.
 *
 * <p>Every item was last saved at {@link #SAVED}; a listing changed since a later instant is empty,
 * as it is on a real server when nothing changed.
 */
final class JellyfinSimulator implements AutoCloseable {
  static final Instant SAVED = Instant.parse("2026-01-10T08:00:00Z");
  static final String USER_ID = "5f0d0c3b2a1e4d6f8a9b0c1d2e3f4a5b";
  private static final String[] GENRES = {
    "Drama", "Comedy", "Science Fiction", "Thriller", "Documentary", "Animation", "Romance", "Jazz"
  };
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** How many items of each type, and their parents: a library like the local benchmark's. */
  record Size(
      int movies,
      int series,
      int seasonsPerSeries,
      int episodesPerSeason,
      int artists,
      int albumsPerArtist,
      int tracksPerAlbum) {
    int items() {
      int seasons = series * seasonsPerSeries;
      int albums = artists * albumsPerArtist;
      return movies
          + series
          + seasons
          + seasons * episodesPerSeason
          + artists
          + albums
          + albums * tracksPerAlbum;
    }
  }

  private final Size size;
  private final HttpServer server;
  private final JsonFactory json = new JsonFactory();
  private final AtomicLong requests = new AtomicLong();

  JellyfinSimulator(Size size) throws IOException {
    this.size = size;
    // As Kestrel (Jellyfin's server) does: without it the JDK's server sends headers and body in
    // two segments and every answer waits ~40 ms on the client's delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
      try (JsonGenerator out = json.createGenerator(body)) {
        switch (path) {
          case "/System/Info/Public" -> info(out);
          case "/Users" -> users(out);
          case "/Library/VirtualFolders" -> libraries(out);
          case "/Items" -> items(out, query);
          case "/Artists/AlbumArtists" -> listing(out, query, List.of(Kind.MusicArtist), false);
          default -> {
            exchange.sendResponseHeaders(404, -1);
            return;
          }
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange
          .getResponseHeaders()
          .set(
              "Date",
              DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC)));
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream stream = exchange.getResponseBody()) {
        body.writeTo(stream);
      }
    }
  }

  private static void info(JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("LocalAddress", "http://127.0.0.1");
    out.writeStringField("ServerName", "bench-jellyfin");
    out.writeStringField("Version", "10.11.11");
    out.writeStringField("ProductName", "Jellyfin Server");
    out.writeStringField("OperatingSystem", "");
    out.writeStringField("Id", "0123456789abcdef0123456789abcdef");
    out.writeBooleanField("StartupWizardCompleted", true);
    out.writeEndObject();
  }

  private static void users(JsonGenerator out) throws IOException {
    out.writeStartArray();
    out.writeStartObject();
    out.writeStringField("Name", "bench");
    out.writeStringField("Id", USER_ID);
    out.writeObjectFieldStart("Policy");
    out.writeBooleanField("IsAdministrator", true);
    out.writeEndObject();
    out.writeEndObject();
    out.writeEndArray();
  }

  private static void libraries(JsonGenerator out) throws IOException {
    out.writeStartArray();
    library(out, "Movies", "movies", "lib-movies");
    library(out, "Shows", "tvshows", "lib-shows");
    library(out, "Music", "music", "lib-music");
    out.writeEndArray();
  }

  private static void library(JsonGenerator out, String name, String type, String id)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("Name", name);
    out.writeArrayFieldStart("Locations");
    out.writeString("/media/" + name);
    out.writeEndArray();
    out.writeStringField("CollectionType", type);
    out.writeStringField("ItemId", id(id.hashCode() & 0xffff, 9));
    out.writeEndObject();
  }

  /** The kinds of item, in the order a client lists them, with their counts. */
  private enum Kind {
    Movie,
    Series,
    Season,
    Episode,
    MusicArtist,
    MusicAlbum,
    Audio
  }

  private int count(Kind kind) {
    int seasons = size.series() * size.seasonsPerSeries();
    int albums = size.artists() * size.albumsPerArtist();
    return switch (kind) {
      case Movie -> size.movies();
      case Series -> size.series();
      case Season -> seasons;
      case Episode -> seasons * size.episodesPerSeason();
      case MusicArtist -> size.artists();
      case MusicAlbum -> albums;
      case Audio -> albums * size.tracksPerAlbum();
    };
  }

  /**
   * Jellyfin keeps artists in a folder of their own, outside every library, and a client lists a
   * library's artists from {@code /Artists/AlbumArtists}; this server keeps no folders, so {@code
   * /Items} lists no artists at all, whatever the parent.
   */
  private void items(JsonGenerator out, Map<String, String> query) throws IOException {
    List<Kind> kinds = new ArrayList<>();
    for (String type : query.getOrDefault("includeitemtypes", "").split(",")) {
      for (Kind kind : Kind.values()) {
        if (kind != Kind.MusicArtist && kind.name().equalsIgnoreCase(type.trim())) {
          kinds.add(kind);
        }
      }
    }
    boolean changed =
        after(query.get("mindatelastsaved")) || after(query.get("mindatelastsavedforuser"));
    listing(out, query, kinds, changed);
  }

  /**
   * One page of the items of some kinds, in order; none when only changes after SAVED are asked.
   */
  private void listing(
      JsonGenerator out, Map<String, String> query, List<Kind> kinds, boolean changed)
      throws IOException {
    long total = 0;
    for (Kind kind : kinds) {
      total += changed ? 0 : count(kind);
    }
    int start = Integer.parseInt(query.getOrDefault("startindex", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
    out.writeStartObject();
    out.writeArrayFieldStart("Items");
    long at = 0;
    int written = 0;
    for (Kind kind : kinds) {
      int n = changed ? 0 : count(kind);
      for (long i = Math.max(0, start - at); i < n && written < limit; i++) {
        item(out, kind, (int) i);
        written++;
      }
      at += n;
    }
    out.writeEndArray();
    out.writeNumberField("TotalRecordCount", total);
    out.writeNumberField("StartIndex", start);
    out.writeEndObject();
  }

  /** Whether a "changed since" filter asks for changes after every item's last save. */
  private static boolean after(String date) {
    return date != null && Instant.parse(date.endsWith("Z") ? date : date + "Z").isAfter(SAVED);
  }

  private void item(JsonGenerator out, Kind kind, int i) throws IOException {
    out.writeStartObject();
    out.writeStringField("Name", name(kind, i));
    out.writeStringField("ServerId", "0123456789abcdef0123456789abcdef");
    out.writeStringField("Id", id(i, kind.ordinal()));
    out.writeStringField("DateCreated", ISO.format(SAVED.minusSeconds(86_400L + i)));
    out.writeStringField("DateLastSaved", ISO.format(SAVED));
    out.writeStringField("Type", kind.name());
    switch (kind) {
      case Movie, Series -> {
        out.writeNumberField("ProductionYear", 1950 + i % 75);
        out.writeStringField("PremiereDate", (1950 + i % 75) + "-06-01T00:00:00.0000000Z");
        out.writeStringField(
            "Overview",
            "A generated "
                + kind.name().toLowerCase(Locale.ROOT)
                + " number "
                + i
                + " about people, places and the things between them, long enough to look real.");
        out.writeNumberField("CommunityRating", 5 + (i % 50) / 10.0);
        providerIds(
            out,
            "Imdb",
            "tt" + (1_000_000 + i * 7 + kind.ordinal()),
            "Tmdb",
            String.valueOf(10_000 + i * 3 + kind.ordinal()));
        genres(out, i);
        people(out, i);
        if (kind == Kind.Movie) {
          out.writeNumberField("RunTimeTicks", (80L + i % 60) * 60 * 10_000_000L);
        }
      }
      case Season -> {
        int series = i / size.seasonsPerSeries();
        out.writeStringField("SeriesId", id(series, Kind.Series.ordinal()));
        out.writeStringField("SeriesName", name(Kind.Series, series));
        out.writeStringField("ParentId", id(series, Kind.Series.ordinal()));
        out.writeNumberField("IndexNumber", i % size.seasonsPerSeries() + 1);
      }
      case Episode -> {
        int season = i / size.episodesPerSeason();
        int series = season / size.seasonsPerSeries();
        out.writeStringField("SeriesId", id(series, Kind.Series.ordinal()));
        out.writeStringField("SeasonId", id(season, Kind.Season.ordinal()));
        out.writeStringField("ParentId", id(season, Kind.Season.ordinal()));
        out.writeNumberField("IndexNumber", i % size.episodesPerSeason() + 1);
        out.writeNumberField("ParentIndexNumber", season % size.seasonsPerSeries() + 1);
        out.writeNumberField("RunTimeTicks", 42L * 60 * 10_000_000L);
        out.writeStringField("Overview", "Episode " + (i % size.episodesPerSeason() + 1) + ".");
      }
      case MusicArtist -> {
        providerIds(out, "MusicBrainzArtist", uuid(i, 5), null, null);
        genres(out, i);
      }
      case MusicAlbum -> {
        int artist = i / size.albumsPerArtist();
        out.writeNumberField("ProductionYear", 1960 + i % 60);
        out.writeArrayFieldStart("AlbumArtists");
        out.writeStartObject();
        out.writeStringField("Name", name(Kind.MusicArtist, artist));
        out.writeStringField("Id", id(artist, Kind.MusicArtist.ordinal()));
        out.writeEndObject();
        out.writeEndArray();
        out.writeStringField("AlbumArtist", name(Kind.MusicArtist, artist));
        providerIds(out, "MusicBrainzAlbum", uuid(i, 6), null, null);
        genres(out, i);
      }
      case Audio -> {
        int album = i / size.tracksPerAlbum();
        int artist = album / size.albumsPerArtist();
        out.writeStringField("AlbumId", id(album, Kind.MusicAlbum.ordinal()));
        out.writeStringField("Album", name(Kind.MusicAlbum, album));
        out.writeStringField("ParentId", id(album, Kind.MusicAlbum.ordinal()));
        out.writeArrayFieldStart("Artists");
        out.writeString(name(Kind.MusicArtist, artist));
        out.writeEndArray();
        out.writeNumberField("IndexNumber", i % size.tracksPerAlbum() + 1);
        out.writeNumberField("ParentIndexNumber", 1);
        out.writeNumberField("RunTimeTicks", (180L + i % 120) * 10_000_000L);
      }
    }
    userData(out, kind, i);
    out.writeEndObject();
  }

  private static void providerIds(
      JsonGenerator out, String a, String aValue, String b, String bValue) throws IOException {
    out.writeObjectFieldStart("ProviderIds");
    out.writeStringField(a, aValue);
    if (b != null) {
      out.writeStringField(b, bValue);
    }
    out.writeEndObject();
  }

  private static void genres(JsonGenerator out, int i) throws IOException {
    out.writeArrayFieldStart("Genres");
    out.writeString(GENRES[i % GENRES.length]);
    out.writeString(GENRES[(i / GENRES.length + 3) % GENRES.length]);
    out.writeEndArray();
  }

  private static void people(JsonGenerator out, int i) throws IOException {
    out.writeArrayFieldStart("People");
    for (int p = 0; p < 4; p++) {
      int person = (i * 7 + p * 13) % 5_000;
      out.writeStartObject();
      out.writeStringField("Name", "Person " + person);
      out.writeStringField("Id", id(person, 8));
      out.writeStringField("Role", p == 3 ? "" : "Character " + p);
      out.writeStringField("Type", p == 3 ? "Director" : "Actor");
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** Every fifth movie and episode played, every seventh item a favourite. */
  private static void userData(JsonGenerator out, Kind kind, int i) throws IOException {
    boolean played = (kind == Kind.Movie || kind == Kind.Episode) && i % 5 == 0;
    out.writeObjectFieldStart("UserData");
    out.writeNumberField("PlaybackPositionTicks", 0);
    out.writeNumberField("PlayCount", played ? 1 + i % 3 : 0);
    out.writeBooleanField("IsFavorite", i % 7 == 0);
    if (played) {
      out.writeStringField("LastPlayedDate", ISO.format(SAVED.minusSeconds(3_600L * (i % 500))));
    }
    out.writeBooleanField("Played", played);
    out.writeStringField("Key", id(i, kind.ordinal()));
    out.writeEndObject();
  }

  private static String name(Kind kind, int i) {
    return switch (kind) {
      case Movie -> "Movie " + i;
      case Series -> "Series " + i;
      case Season -> "Season " + (i + 1);
      case Episode -> "Episode " + i;
      case MusicArtist -> "Artist " + i;
      case MusicAlbum -> "Album " + i;
      case Audio -> "Track " + i;
    };
  }

  /** A Jellyfin-like 32-hex-digit id, one per kind and index. */
  private static String id(int i, int kind) {
    return String.format(Locale.ROOT, "%08x%024x", kind + 1, (long) i * 2_654_435_761L);
  }

  private static String uuid(int i, int kind) {
    String hex = id(i, kind);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20);
  }

  /** Query parameters by lower-case name (ASP.NET binds them case-insensitively). */
  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.merge(
          URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
          URLDecoder.decode(value, StandardCharsets.UTF_8),
          (a, b) -> a + "," + b);
    }
    return parameters;
  }
}
