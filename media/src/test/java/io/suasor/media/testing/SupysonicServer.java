package io.suasor.media.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Subsonic server for tests: Debian's supysonic (API 1.10.2) over a small tagged library it
 * generates ({@link SupysonicLibrary}), run on a free loopback port from a temporary folder. {@link
 * #start()} skips the calling test class when supysonic is not installed ({@code scripts/test.sh}
 * installs it). Start one per test class; {@link #close()} stops it.
 */
public final class SupysonicServer implements AutoCloseable {
  public static final String USER = "listener";
  public static final String PASSWORD = "pa55-w0rd";

  /** A second user, who owns a public playlist. */
  public static final String OTHER_USER = "neighbour";

  public static final String OTHER_PASSWORD = "n31ghbour";

  private static final Duration STARTUP = Duration.ofSeconds(30);

  private final Path folder;
  private final SupysonicLibrary library;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Duration startedIn;
  private Process server;
  private int port;

  private SupysonicServer(Path folder) throws IOException, InterruptedException {
    long began = System.nanoTime();
    this.folder = folder;
    Files.writeString(
        folder.resolve("supysonic.conf"),
        String.join(
            "\n",
            "[base]",
            "database_uri = sqlite:///" + folder.resolve("supysonic.db").toAbsolutePath(),
            "[webapp]",
            "cache_dir = " + folder.resolve("cache").toAbsolutePath(),
            "mount_webui = off",
            "[daemon]",
            "socket = " + folder.resolve("daemon.sock").toAbsolutePath(),
            "run_watcher = no",
            ""));
    this.library = SupysonicLibrary.write(folder);
    Commands.run(folder, "supysonic-cli", "user", "add", USER, "-p", PASSWORD);
    Commands.run(folder, "supysonic-cli", "user", "setroles", "-A", USER);
    Commands.run(folder, "supysonic-cli", "user", "add", OTHER_USER, "-p", OTHER_PASSWORD);
    Commands.run(folder, "supysonic-cli", "folder", "add", "Music", library.root().toString());
    scan();
    startServer();
    this.startedIn = Duration.ofNanos(System.nanoTime() - began);
  }

  /** Starts a server over the generated library; skips the test when supysonic is missing. */
  public static SupysonicServer start() {
    assumeTrue(
        Commands.installed("supysonic-server"),
        "supysonic-server is not installed: run scripts/test.sh, which installs supysonic");
    Path folder = null;
    try {
      folder = Files.createTempDirectory("supysonic");
      return new SupysonicServer(folder);
    } catch (IOException e) {
      Commands.delete(folder);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Commands.delete(folder);
      throw new IllegalStateException("interrupted while starting supysonic", e);
    } catch (RuntimeException e) {
      Commands.delete(folder);
      throw e;
    }
  }

  /** How long generating the library, scanning it and starting the server took. */
  public Duration startedIn() {
    return startedIn;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public String configJson() {
    return "{\"url\": \"" + url() + "\", \"user\": \"" + USER + "\"}";
  }

  public String secretsJson() {
    return "{\"password\": \"" + PASSWORD + "\"}";
  }

  public ServerSourceSettings settings() {
    return ServerSourceSettings.parse("subsonic", configJson(), secretsJson());
  }

  /**
   * Calls the API as {@link #USER}, e.g. {@code call("star", "albumId", id)}; the {@code
   * subsonic-response}, which must be ok. Parameters come as name, value pairs.
   */
  public JsonNode call(String method, String... parameters) {
    return callAs(USER, PASSWORD, method, parameters);
  }

  public JsonNode callAs(String user, String password, String method, String... parameters) {
    StringBuilder query = new StringBuilder("u=" + user + "&p=" + encode(password));
    query.append("&c=suasor-tests&v=1.10.2&f=json");
    for (int i = 0; i + 1 < parameters.length; i += 2) {
      query.append('&').append(encode(parameters[i])).append('=').append(encode(parameters[i + 1]));
    }
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create(url() + "/rest/" + method + "?" + query)).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode answer = Json.mapper().readTree(response.body()).path("subsonic-response");
      if (!"ok".equals(answer.path("status").asText())) {
        throw new IllegalStateException("supysonic " + method + " failed: " + response.body());
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted calling supysonic", e);
    }
  }

  /** The server's id of a song, album or artist, found by its exact title or name. */
  public String songId(String title) {
    return find("song", "title", title);
  }

  public String albumId(String name) {
    return find("album", "name", name);
  }

  public String artistId(String name) {
    return find("artist", "name", name);
  }

  private String find(String kind, String field, String value) {
    JsonNode result = call("search3", "query", value).path("searchResult3");
    for (JsonNode item : result.path(kind)) {
      if (item.path(field).asText().equals(value)) {
        return item.path("id").asText();
      }
    }
    throw new IllegalArgumentException("supysonic has no " + kind + " " + value);
  }

  /** Creates a playlist of {@link #USER} with songs (by title), in order; answers its id. */
  public String createPlaylist(String name, String... songTitles) {
    return createPlaylistAs(USER, PASSWORD, name, songTitles);
  }

  /** Creates a public playlist of {@link #OTHER_USER}, which {@link #USER} sees too. */
  public String createPublicPlaylistOfOtherUser(String name, String... songTitles) {
    String id = createPlaylistAs(OTHER_USER, OTHER_PASSWORD, name, songTitles);
    callAs(OTHER_USER, OTHER_PASSWORD, "updatePlaylist", "playlistId", id, "public", "true");
    return id;
  }

  private String createPlaylistAs(String user, String password, String name, String... titles) {
    List<String> parameters = new ArrayList<>(List.of("name", name));
    for (String title : titles) {
      parameters.add("songId");
      parameters.add(songId(title));
    }
    callAs(user, password, "createPlaylist", parameters.toArray(String[]::new));
    // supysonic answers createPlaylist without the playlist.
    for (JsonNode playlist :
        callAs(user, password, "getPlaylists").path("playlists").path("playlist")) {
      if (playlist.path("name").asText().equals(name)) {
        return playlist.path("id").asText();
      }
    }
    throw new IllegalStateException("supysonic did not keep playlist " + name);
  }

  /** Adds a song to the library's files; {@link #scan()} makes the server see it. */
  public void add(SupysonicLibrary.Song song) throws IOException {
    library.add(song);
  }

  /** Scans the library again, as the server's own scanner would after a change. */
  public void scan() throws IOException {
    try {
      Commands.run(folder, "supysonic-cli", "folder", "scan", "--foreground", "Music");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scanning", e);
    }
  }

  /** Stops the server (SIGTERM, then waits for it to exit); the files stay until close. */
  public void stop() {
    if (server == null) {
      return;
    }
    server.destroy();
    try {
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  @Override
  public void close() {
    stop();
    Commands.delete(folder);
  }

  private void startServer() throws IOException, InterruptedException {
    // A free port can be taken by someone else before the server binds it: then try another.
    for (int attempt = 1; ; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      server =
          Commands.in(
                  folder,
                  folder.resolve("server.log"),
                  "supysonic-server",
                  "--server",
                  "waitress",
                  "--host",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(port))
              .start();
      boolean answered;
      try {
        answered = awaitPing();
      } catch (RuntimeException | InterruptedException e) {
        stop();
        throw e;
      }
      if (answered) {
        return;
      }
      stop();
      if (attempt == 3) {
        throw new IllegalStateException(
            "supysonic did not start: " + Files.readString(folder.resolve("server.log")));
      }
    }
  }

  /** Polls {@code ping} until it answers ok; false when the server exits or takes too long. */
  private boolean awaitPing() throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        return false;
      }
      try {
        call("ping");
        return true;
      } catch (UncheckedIOException notListeningYet) {
        // Polled again below.
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
