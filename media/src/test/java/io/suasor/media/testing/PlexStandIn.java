package io.suasor.media.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.suasor.media.testing.PlexStandInLibrary.guids;
import static io.suasor.media.testing.PlexStandInLibrary.tags;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stands in for a Plex Media Server in tests: a WireMock server on a loopback port answering in the
 * shapes of Plex's OpenAPI description (plex-api-spec.yaml, plex-description.md) from a small
 * library it keeps, which a test changes between listings.
 *
 * <p>Library (ratingKeys): Movies (section 1): 1001 The Matrix (Guid imdb://tt0133093 and
 * tmdb://603, played twice, rated 9), 1002 Amélie (legacy agent guid only, half watched), 1003
 * Night of the Living Dead (no ids). TV Shows (2): 2001 Breaking Bad, seasons 2002 and 2003,
 * episodes 2004–2007 (the first two played). Music (3): 3001 Radiohead, album 3002 OK Computer,
 * tracks 3003–3005. Photos (4): none listed. Accounts 1 "owner" (the token's) and 2 "guest"; a
 * history of the owner's plays and one of the guest's; playlists 5001 (audio), 5002 (video), 5003
 * (photo).
 *
 * <p>Its clock starts at {@link #START}; everything in the sample library was changed and played
 * before it. {@link #advance} moves it; {@link #change}, {@link #play}, {@link #addMovie} stamp
 * items with it, as Plex does. Answers carry it as {@code Date}. Faults (a 500, a 429, a slow
 * answer) are WireMock stubs a test adds on {@link #wireMock()}: every stub outranks the stand-in's
 * own catch-all one. Do not reset WireMock's mappings, which removes that one.
 */
public final class PlexStandIn implements AutoCloseable {
  public static final Instant START = PlexStandInLibrary.START;
  public static final String TOKEN = "stand-in-plex-token-4f2a9c";
  public static final String MACHINE_IDENTIFIER = "3f0c5e9b8a7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";

  /** The account of {@link #TOKEN}, as history entries name it. */
  public static final String OWNER_ACCOUNT = "1";

  public static final String GUEST_ACCOUNT = "2";

  private final PlexStandInLibrary library = new PlexStandInLibrary();
  private final WireMockServer server;

  private PlexStandIn() {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(new PlexStandInRoutes(library, TOKEN, MACHINE_IDENTIFIER)));
    server.start();
    // The lowest priority: any stub a test adds wins over the stand-in.
    server.stubFor(
        any(anyUrl())
            .atPriority(Integer.MAX_VALUE)
            .willReturn(aResponse().withTransformers(PlexStandInRoutes.NAME)));
  }

  /** A started stand-in with the sample library. */
  public static PlexStandIn start() {
    PlexStandIn plex = new PlexStandIn();
    plex.fillSample();
    return plex;
  }

  /** Where the client connects, e.g. {@code http://127.0.0.1:40123}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public String token() {
    return TOKEN;
  }

  /** For stubs of faults and for verifying requests. */
  public WireMockServer wireMock() {
    return server;
  }

  /** The server's clock. */
  public Instant now() {
    return Instant.ofEpochSecond(library.now());
  }

  public void advance(Duration duration) {
    library.advance(duration);
  }

  /** The version {@code GET /} and {@code /identity} report. */
  public void version(String version) {
    library.version(version);
  }

  /** An item's {@code Metadata} as the server holds it now (a copy). */
  public ObjectNode item(String ratingKey) {
    return library.item(ratingKey);
  }

  /** Edits an item's {@code Metadata}; its {@code updatedAt} becomes now. */
  public void change(String ratingKey, Consumer<ObjectNode> edit) {
    library.change(ratingKey, edit);
  }

  /** The owner plays an item to its end now: view count, last view and a history entry. */
  public void play(String ratingKey) {
    library.play(ratingKey, OWNER_ACCOUNT);
  }

  /** Another account plays an item: a history entry only, the owner's view state is unchanged. */
  public void playAsGuest(String ratingKey) {
    library.play(ratingKey, GUEST_ACCOUNT);
  }

  public void remove(String ratingKey) {
    library.remove(ratingKey);
  }

  /** Adds a movie to section 1, added and changed now; returns its ratingKey. */
  public String addMovie(String title, int year) {
    String key = library.nextKey();
    library
        .add("1", "movie", key, title)
        .put("year", year)
        .put("titleSort", title)
        .put("duration", 5_400_000)
        .put("originallyAvailableAt", year + "-06-01");
    return key;
  }

  @Override
  public void close() {
    server.stop();
  }

  private void fillSample() {
    library.advance(Duration.ofDays(-30));
    ObjectNode matrix =
        library
            .add("1", "movie", "1001", "The Matrix")
            .put("titleSort", "Matrix")
            .put("year", 1999)
            .put("originallyAvailableAt", "1999-03-31")
            .put("studio", "Warner Bros.")
            .put("contentRating", "R")
            .put("summary", "A hacker learns what the Matrix is.")
            .put("rating", 8.3)
            .put("audienceRating", 8.5)
            .put("duration", 8_160_000)
            .put("userRating", 9.0);
    matrix.set("Guid", guids("imdb://tt0133093", "tmdb://603"));
    matrix.set("Genre", tags("Action", "Science Fiction"));
    matrix.set("Director", tags("Lana Wachowski", "Lilly Wachowski"));
    matrix.set("Writer", tags("Lana Wachowski"));
    ArrayNode roles = tags("Keanu Reeves", "Carrie-Anne Moss");
    ((ObjectNode) roles.get(0)).put("role", "Neo");
    ((ObjectNode) roles.get(1)).put("role", "Trinity");
    matrix.set("Role", roles);
    library
        .add("1", "movie", "1002", "Amélie")
        .put("originalTitle", "Le Fabuleux Destin d'Amélie Poulain")
        .put("titleSort", "Amelie")
        .put("year", 2001)
        .put("guid", "com.plexapp.agents.imdb://tt0211915?lang=en")
        .put("duration", 7_320_000)
        .put("viewOffset", 3_660_000);
    library
        .add("1", "movie", "1003", "Night of the Living Dead")
        .put("year", 1968)
        .put("duration", 5_760_000);
    series();
    music();
    library.advance(Duration.ofDays(10));
    play("1001");
    library.advance(Duration.ofDays(5));
    play("2004");
    library.advance(Duration.ofDays(1));
    play("2005");
    library.advance(Duration.ofDays(1));
    playAsGuest("1003");
    library.advance(Duration.ofDays(3));
    play("1001");
    library.advance(Duration.ofDays(2));
    play("3004");
    library.playlist("5001", "Road Trip", "audio", List.of("3004", "3003"));
    library.playlist("5002", "Movie Night", "video", List.of("1001", "1002"));
    library.playlist("5003", "Holidays", "photo", List.of());
    library.advance(Duration.between(Instant.ofEpochSecond(library.now()), START));
  }

  private void series() {
    ObjectNode show =
        library
            .add("2", "show", "2001", "Breaking Bad")
            .put("year", 2008)
            .put("studio", "AMC")
            .put("summary", "A chemistry teacher turns to crime.")
            .put("leafCount", 4)
            .put("viewedLeafCount", 2)
            .put("childCount", 2);
    show.set("Guid", guids("imdb://tt0903747", "tmdb://1396", "tvdb://81189"));
    show.set("Genre", tags("Drama", "Crime"));
    String[][] episodes = {
      {"2004", "Pilot", "1", "1", "349232"},
      {"2005", "Cat's in the Bag...", "1", "2", "349235"},
      {"2006", "Seven Thirty-Seven", "2", "1", "438906"},
      {"2007", "Grilled", "2", "2", "438907"}
    };
    for (int season = 1; season <= 2; season++) {
      library
          .add("2", "season", String.valueOf(2001 + season), "Season " + season)
          .put("index", season)
          .put("parentRatingKey", "2001")
          .put("parentTitle", "Breaking Bad")
          .put("leafCount", 2)
          .put("viewedLeafCount", season == 1 ? 2 : 0);
    }
    for (String[] e : episodes) {
      String season = String.valueOf(2001 + Integer.parseInt(e[2]));
      library
          .add("2", "episode", e[0], e[1])
          .put("index", Integer.parseInt(e[3]))
          .put("parentIndex", Integer.parseInt(e[2]))
          .put("parentRatingKey", season)
          .put("grandparentRatingKey", "2001")
          .put("grandparentTitle", "Breaking Bad")
          .put("originallyAvailableAt", "2008-01-" + (10 + Integer.parseInt(e[0]) - 2000))
          .put("duration", 2_820_000)
          .set("Guid", guids("tvdb://" + e[4]));
    }
  }

  private void music() {
    library
        .add("3", "artist", "3001", "Radiohead")
        .set("Guid", guids("mbid://a74b1b7f-71a5-4011-9441-d0b5e4122711"));
    library
        .add("3", "album", "3002", "OK Computer")
        .put("parentRatingKey", "3001")
        .put("parentTitle", "Radiohead")
        .put("year", 1997)
        .put("studio", "Parlophone")
        .put("leafCount", 3)
        .set("Genre", tags("Alternative"));
    String[] tracks = {"Airbag", "Paranoid Android", "Subterranean Homesick Alien"};
    for (int i = 0; i < tracks.length; i++) {
      library
          .add("3", "track", String.valueOf(3003 + i), tracks[i])
          .put("index", i + 1)
          .put("parentIndex", 1)
          .put("parentRatingKey", "3002")
          .put("grandparentRatingKey", "3001")
          .put("parentTitle", "OK Computer")
          .put("grandparentTitle", "Radiohead")
          .put("duration", 284_000 + i * 100_000);
    }
  }
}
