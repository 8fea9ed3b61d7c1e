package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Testing a source ({@code POST /api/v1/sources/{id}/test}) and the checks of a media server's
 * config at the API's boundary, against a real server; run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourceCheckApiContract {
  static final String SECRET = "sEcReT-api-key-51c2";

  TestServer.Started server;
  Api api;
  String admin;
  String alice;
  String bob;
  Path folders;
  final List<Api.Reply> replies = new ArrayList<>();

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path folders) {
    this.folders = folders;
    server = TestServer.start(config(dataDir), List.of());
    api = new Api(server.port());
    admin = server.adminToken();
    alice = token(api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id"));
    bob = token(api.post("/api/v1/users", admin, "{\"name\":\"bob\"}").data().get("id"));
  }

  private String token(JsonNode userId) {
    return api.post("/api/v1/tokens", admin, "{\"userId\":" + userId + ",\"name\":\"t\"}")
        .data()
        .get("token")
        .asText();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.app().close();
    }
  }

  /** Sends a request and keeps its answer, so a test can check that none held a secret. */
  private Api.Reply send(String method, String path, String token, String body) {
    Api.Reply reply = api.send(method, path, token, body);
    replies.add(reply);
    return reply;
  }

  private long source(String token, String body) {
    Api.Reply created = send("POST", "/api/v1/sources", token, body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.data().get("id").asLong();
  }

  private JsonNode test(String token, long source) {
    Api.Reply reply = send("POST", "/api/v1/sources/" + source + "/test", token, null);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("success").asBoolean()).isTrue();
    return reply.data();
  }

  @Test
  void aLocalSourceAnswersWithItsFoldersAsLibraries() throws IOException {
    Path movies = Files.createDirectories(folders.resolve("ok/Movies"));
    Path music = Files.createDirectories(folders.resolve("ok/Music"));
    long id =
        source(
            alice,
            "{\"type\":\"local\",\"name\":\"Shelf\",\"config\":{\"moviesPath\":\""
                + movies
                + "\",\"musicPath\":\""
                + music
                + "\"}}");

    JsonNode answer = test(alice, id);
    assertThat(answer.get("ok").asBoolean()).as(answer.toString()).isTrue();
    assertThat(answer.get("serverName").asText()).isEqualTo("Shelf");
    assertThat(answer.get("product").asText()).isEqualTo("Local folders");
    assertThat(answer.get("users")).isEmpty();
    assertThat(answer.get("checkedAt").asText()).isNotBlank();
    assertThat(answer.has("problem")).isFalse();
    List<String> libraries = new ArrayList<>();
    answer
        .get("libraries")
        .forEach(
            library -> {
              assertThat(library.get("included").asBoolean()).isTrue();
              libraries.add(library.get("kind").asText() + " " + library.get("name").asText());
            });
    assertThat(libraries)
        .containsExactly(
            "movies " + movies.toAbsolutePath().normalize(),
            "music " + music.toAbsolutePath().normalize());
  }

  @Test
  void aLocalSourceWhoseFolderWasDeletedSaysWhichFolder() throws IOException {
    Path series = Files.createDirectories(folders.resolve("gone/Series"));
    long id =
        source(
            alice,
            "{\"type\":\"local\",\"name\":\"Gone\",\"config\":{\"seriesPath\":\""
                + series
                + "\"}}");
    Files.delete(series);

    JsonNode answer = test(alice, id);
    assertThat(answer.get("ok").asBoolean()).as(answer.toString()).isFalse();
    assertThat(answer.get("problem").asText()).isEqualTo("UNUSABLE_SETTINGS");
    assertThat(answer.get("error").asText())
        .contains("series folder " + series.toAbsolutePath().normalize(), "does not exist");
    assertThat(answer.has("libraries")).isFalse();
  }

  @Test
  void aJellyfinSourceAtAClosedLoopbackPortIsUnreachableAndKeepsItsKey() throws IOException {
    int port = closedPort();
    long id =
        source(
            bob,
            "{\"type\":\"jellyfin\",\"name\":\"Den\",\"config\":{\"url\":\"http://127.0.0.1:"
                + port
                + "\"},\"secrets\":{\"apiKey\":\""
                + SECRET
                + "\"}}");

    JsonNode answer = test(bob, id);
    assertThat(answer.get("ok").asBoolean()).as(answer.toString()).isFalse();
    assertThat(answer.get("problem").asText()).as(answer.toString()).isEqualTo("UNREACHABLE");
    assertThat(answer.get("error").asText()).contains("127.0.0.1:" + port);
    assertThat(replies).noneMatch(reply -> reply.text().contains(SECRET));
  }

  @Test
  void othersSourcesAreNotFoundAndAnAdminTestsAny() throws IOException {
    Path movies = Files.createDirectories(folders.resolve("private/Movies"));
    long id =
        source(
            alice,
            "{\"type\":\"local\",\"name\":\"Mine\",\"config\":{\"moviesPath\":\""
                + movies
                + "\"}}");

    Api.Reply refused = send("POST", "/api/v1/sources/" + id + "/test", bob, null);
    assertThat(refused.status()).as(refused.text()).isEqualTo(404);
    assertThat(refused.json().get("type").asText()).isEqualTo("NOT_FOUND");
    assertThat(send("POST", "/api/v1/sources/999999/test", alice, null).status()).isEqualTo(404);
    assertThat(send("POST", "/api/v1/sources/" + id + "/test", null, null).status()).isEqualTo(401);
    assertThat(test(admin, id).get("ok").asBoolean()).isTrue();
  }

  @Test
  void mediaServerConfigsAreCheckedWithWhatToChange() {
    String base = "{\"type\":\"jellyfin\",\"name\":\"a\",\"config\":";
    assertThat(refusal(base + "{\"url\":\"http://j.local\",\"libraries\":\"Movies\"}}"))
        .isEqualTo("config.libraries");
    assertThat(lastMessage()).contains("must be a list", "[\"Movies\", \"Music\"]");
    assertThat(refusal(base + "{\"url\":\"http://j.local\",\"libraries\":[{\"id\":1}]}}"))
        .isEqualTo("config.libraries");
    assertThat(refusal(base + "{\"url\":\"http://j.local\",\"user\":42}}"))
        .isEqualTo("config.user");
    assertThat(lastMessage()).contains("user must be text");
    assertThat(
            refusal(
                "{\"type\":\"subsonic\",\"name\":\"a\",\"config\":{\"url\":\"http://s.local\","
                    + "\"username\":{\"name\":\"x\"}}}"))
        .isEqualTo("config.username");
    assertThat(refusal(base + "{\"url\":\"ftp://j.local\"}}")).isEqualTo("config.url");
    assertThat(lastMessage()).contains("http://media.local:8096");
    assertThat(refusal(base + "{\"url\":\"http://\"}}")).isEqualTo("config.url");
    assertThat(refusal(base + "{\"url\":\"http://j.local\",\"apiKey\":\"x\"}}"))
        .isEqualTo("config.apiKey");
    assertThat(lastMessage()).contains("API keys and passwords go in secrets");

    long id =
        source(
            alice,
            "{\"type\":\"plex\",\"name\":\"Plex\",\"config\":{\"url\":\"https://plex.local:32400\","
                + "\"user\":\"alice\",\"libraries\":[\"Films\",2]}}");
    JsonNode config = send("GET", "/api/v1/sources/" + id, alice, null).data().get("config");
    assertThat(config.get("user").asText()).isEqualTo("alice");
    assertThat(config.get("libraries").toString()).isEqualTo("[\"Films\",2]");
    Api.Reply changed =
        send(
            "PUT",
            "/api/v1/sources/" + id,
            alice,
            "{\"config\":{\"url\":\"https://plex.local:32400\",\"libraries\":\"Films\"}}");
    assertThat(changed.status()).as(changed.text()).isEqualTo(400);
  }

  private String refusal(String body) {
    Api.Reply reply = send("POST", "/api/v1/sources", bob, body);
    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.json().get("type").asText()).isEqualTo("VALIDATION_ERROR");
    return reply.json().get("details").get("field").asText();
  }

  private String lastMessage() {
    return replies.get(replies.size() - 1).json().get("message").asText();
  }

  /** A loopback port nothing listens on: one the system just handed out and that was closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
