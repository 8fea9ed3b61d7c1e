package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
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
 * Media sources and the original's media sync routes against a real server with the media domain's
 * system jobs, over generated libraries on disk; run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MediaApiContract {
  static final DemoLibrary.Size SMALL = new DemoLibrary.Size(12, 2, 2, 3, 2, 2, 3);
  static final String SECRET = "sEcReT-api-key-7d1f";

  TestServer.Started server;
  Api api;
  String admin;
  String alice;
  long aliceId;
  String bob;
  String carol;
  Path libraries;
  final List<Api.Reply> replies = new ArrayList<>();

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path libraries) {
    this.libraries = libraries;
    server = TestServer.start(config(dataDir), List.of());
    api = new Api(server.port());
    admin = server.adminToken();
    aliceId = api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice = token(aliceId);
    long bobId = api.post("/api/v1/users", admin, "{\"name\":\"bob\"}").data().get("id").asLong();
    bob = token(bobId);
    carol =
        token(api.post("/api/v1/users", admin, "{\"name\":\"carol\"}").data().get("id").asLong());
  }

  private String token(long userId) {
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

  private DemoLibrary.Written library(String name, DemoLibrary.Size size) {
    return new DemoLibrary(7).write(libraries.resolve(name), size);
  }

  private long localSource(String token, String name, DemoLibrary.Written library) {
    Api.Reply created =
        send(
            "POST",
            "/api/v1/sources",
            token,
            "{\"type\":\"local\",\"name\":\""
                + name
                + "\",\"config\":"
                + library.config().toJson()
                + "}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.data().get("id").asLong();
  }

  // Sources

  @Test
  void sourcesAreCreatedReadChangedAndDeletedWithWriteOnlySecrets() {
    String config = "{\"url\":\"http://jellyfin.local:8096\"}";
    Api.Reply created =
        send(
            "POST",
            "/api/v1/sources",
            alice,
            "{\"type\":\"jellyfin\",\"name\":\"Living room\",\"config\":"
                + config
                + ",\"secrets\":{\"apiKey\":\""
                + SECRET
                + "\"},\"syncIntervalSeconds\":7200}");
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.data().get("id").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/v1/sources/" + id);
    assertThat(created.data().get("hasSecrets").asBoolean()).isTrue();
    assertThat(created.data().get("userId").asLong()).isEqualTo(aliceId);
    assertThat(created.data().get("config").get("url").asText())
        .isEqualTo("http://jellyfin.local:8096");
    assertThat(created.data().get("syncIntervalSeconds").asLong()).isEqualTo(7200);

    assertThat(send("GET", "/api/v1/sources/" + id, alice, null).data().get("name").asText())
        .isEqualTo("Living room");
    assertThat(ids(send("GET", "/api/v1/sources", alice, null).data())).contains(id);
    Api.Reply changed =
        send(
            "PUT",
            "/api/v1/sources/" + id,
            alice,
            "{\"name\":\"Den\",\"enabled\":false,\"secrets\":\"{\\\"apiKey\\\":\\\""
                + SECRET
                + "-2\\\"}\"}");
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.data().get("name").asText()).isEqualTo("Den");
    assertThat(changed.data().get("enabled").asBoolean()).isFalse();
    assertThat(changed.data().get("hasSecrets").asBoolean()).isTrue();
    assertThat(send("PUT", "/api/v1/sources/" + id, alice, "{\"type\":\"plex\"}").status())
        .isEqualTo(400);

    // Others' sources are not found; an admin sees and changes all.
    assertThat(send("GET", "/api/v1/sources/" + id, bob, null).status()).isEqualTo(404);
    assertThat(send("PUT", "/api/v1/sources/" + id, bob, "{\"name\":\"x\"}").status())
        .isEqualTo(404);
    assertThat(send("DELETE", "/api/v1/sources/" + id, bob, null).status()).isEqualTo(404);
    assertThat(ids(send("GET", "/api/v1/sources", bob, null).data())).doesNotContain(id);
    assertThat(ids(send("GET", "/api/v1/sources", admin, null).data())).contains(id);
    assertThat(send("GET", "/api/v1/sources/" + id, admin, null).status()).isEqualTo(200);

    Api.Reply deleted = send("DELETE", "/api/v1/sources/" + id, alice, null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/sources/" + id, alice, null).status()).isEqualTo(404);

    assertThat(replies).noneMatch(reply -> reply.text().contains(SECRET));
  }

  @Test
  void invalidSourcesAreRefusedWithWhatToChange() throws Exception {
    Path file = Files.writeString(libraries.resolve("not-a-folder.txt"), "x");
    assertThat(refusal("{\"type\":\"ftp\",\"name\":\"a\",\"config\":{}}"))
        .contains("unknown source type 'ftp'", "local, jellyfin, emby, plex, subsonic");
    assertThat(refusal("{\"name\":\"a\",\"config\":{}}")).contains("type is required");
    assertThat(
            refusal(
                "{\"type\":\"local\",\"name\":\"a\",\"config\":{\"moviesPath\":\""
                    + libraries.resolve("missing")
                    + "\"}}"))
        .contains("does not exist");
    assertThat(
            refusal(
                "{\"type\":\"local\",\"name\":\"a\",\"config\":{\"moviesPath\":\"" + file + "\"}}"))
        .contains("is a file");
    assertThat(refusal("{\"type\":\"local\",\"name\":\"a\",\"config\":{}}"))
        .contains("at least one of moviesPath, seriesPath, musicPath");
    assertThat(refusal("{\"type\":\"local\",\"name\":\"a\",\"config\":{\"path\":\"/\"}}"))
        .contains("unknown config field 'path'", "moviesPath");
    assertThat(refusal("{\"type\":\"plex\",\"name\":\"a\",\"config\":{\"url\":\"plex\"}}"))
        .contains("needs url");
    assertThat(
            refusal(
                "{\"type\":\"local\",\"name\":\" \",\"config\":{\"moviesPath\":\""
                    + libraries
                    + "\"}}"))
        .contains("name is required");
    Api.Reply forNobody =
        send(
            "POST",
            "/api/v1/sources",
            admin,
            "{\"type\":\"plex\",\"name\":\"a\",\"userId\":999999,"
                + "\"config\":{\"url\":\"http://plex.local:32400\"}}");
    assertThat(forNobody.status()).as(forNobody.text()).isEqualTo(400);
    assertThat(forNobody.json().get("message").asText()).contains("no user with id 999999");
  }

  private String refusal(String body) {
    Api.Reply reply = send("POST", "/api/v1/sources", bob, body);
    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.json().get("type").asText()).isEqualTo("VALIDATION_ERROR");
    return reply.json().get("message").asText();
  }

  // Media sync jobs

  @Test
  void mediaSyncJobsAreUserSchedulesCreatedOrUpdatedInEitherSpelling() {
    long source = localSource(alice, "Schedules", library("schedules", SMALL));
    Api.Reply saved =
        send(
            "POST",
            "/api/v1/jobs/media-sync",
            alice,
            "{\"clientID\":"
                + source
                + ",\"clientType\":\"local\",\"syncType\":\"movies\",\"frequency\":\"daily\"}");
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    JsonNode job = saved.data();
    assertThat(job.get("userId").asLong()).isEqualTo(aliceId);
    assertThat(job.get("clientId").asLong()).isEqualTo(source);
    assertThat(job.get("clientType").asText()).isEqualTo("local");
    assertThat(job.get("syncType").asText()).isEqualTo("movies");
    assertThat(job.get("frequency").asText()).isEqualTo("daily");
    assertThat(job.get("enabled").asBoolean()).isTrue();

    Api.Reply again =
        send(
            "POST",
            "/api/v1/jobs/media-sync",
            alice,
            "{\"clientId\":" + source + ",\"mediaType\":\"movies\",\"frequency\":\"every 6h\"}");
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    assertThat(again.data().get("id").asLong()).isEqualTo(job.get("id").asLong());
    assertThat(again.data().get("frequency").asText()).isEqualTo("every 6h");

    JsonNode list = send("GET", "/api/v1/jobs/media-sync", alice, null).data();
    assertThat(ids(list)).containsExactly(job.get("id").asLong());
    assertThat(send("GET", "/api/v1/jobs/media-sync", bob, null).data()).isEmpty();
    // The schedule is the engine's: a user-scoped schedule of system.media.sync.
    JsonNode schedule =
        send("GET", "/api/v1/jobs/schedules/" + job.get("scheduleName").asText(), alice, null)
            .data();
    assertThat(schedule.get("jobName").asText()).isEqualTo("system.media.sync");
    assertThat(schedule.get("config").asText()).contains("\"clientId\":" + source);

    String body = "{\"clientID\":" + source + ",\"syncType\":\"movies\",\"frequency\":\"daily\"}";
    assertThat(send("POST", "/api/v1/jobs/media-sync", bob, body).status()).isEqualTo(404);
    assertThat(
            send(
                    "POST",
                    "/api/v1/jobs/media-sync",
                    alice,
                    body.replace("\"syncType\"", "\"clientType\":\"plex\",\"syncType\""))
                .json()
                .get("message")
                .asText())
        .contains("is a local source");
    assertThat(
            send("POST", "/api/v1/jobs/media-sync", alice, body.replace("daily", "sometimes"))
                .status())
        .isEqualTo(400);
    assertThat(
            send(
                    "POST",
                    "/api/v1/jobs/media-sync",
                    alice,
                    "{\"clientID\":" + source + ",\"syncType\":\"movies\"}")
                .json()
                .get("message")
                .asText())
        .contains("frequency is required");
  }

  @Test
  void aMediaSyncJobIsChangedAndDeletedByIdOnlyByItsUser() {
    long source = localSource(carol, "Changing", library("changing", SMALL));
    JsonNode job =
        send(
                "POST",
                "/api/v1/jobs/media-sync",
                carol,
                "{\"clientID\":" + source + ",\"syncType\":\"series\",\"frequency\":\"daily\"}")
            .data();
    String path = "/api/v1/jobs/media-sync/" + job.get("id").asLong();

    Api.Reply changed = send("PUT", path, carol, "{\"frequency\":\"every 2h\",\"enabled\":false}");
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.data().get("frequency").asText()).isEqualTo("every 2h");
    assertThat(changed.data().get("enabled").asBoolean()).isFalse();
    assertThat(changed.data().get("clientId").asLong()).isEqualTo(source);
    assertThat(changed.data().get("syncType").asText()).isEqualTo("series");
    Api.Reply resumed = send("PUT", path, carol, "{\"enabled\":true}");
    assertThat(resumed.data().get("enabled").asBoolean()).isTrue();
    assertThat(resumed.data().get("frequency").asText()).isEqualTo("every 2h");

    assertThat(send("PUT", path, carol, "{\"frequency\":\"now and then\"}").status())
        .isEqualTo(400);
    Api.Reply otherType = send("PUT", path, carol, "{\"syncType\":\"music\"}");
    assertThat(otherType.status()).isEqualTo(400);
    assertThat(otherType.json().get("message").asText()).contains("cannot be changed");
    assertThat(send("PUT", path, carol, "{\"clientID\":" + (source + 1000) + "}").status())
        .isEqualTo(400);
    assertThat(send("PUT", path, bob, "{\"enabled\":false}").status()).isEqualTo(404);
    assertThat(send("DELETE", path, bob, null).status()).isEqualTo(404);
    assertThat(send("DELETE", "/api/v1/jobs/media-sync/999999", carol, null).status())
        .isEqualTo(404);

    Api.Reply deleted = send("DELETE", path, carol, null);
    assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
    assertThat(ids(send("GET", "/api/v1/jobs/media-sync", carol, null).data()))
        .doesNotContain(job.get("id").asLong());
    assertThat(
            send("GET", "/api/v1/jobs/schedules/" + job.get("scheduleName").asText(), admin, null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void deletingASourceDeletesItsMediaSyncJobs() {
    long source = localSource(carol, "Leaving", library("leaving", SMALL));
    long kept = localSource(carol, "Staying", library("staying", SMALL));
    for (String body :
        List.of(
            "{\"clientID\":" + source + ",\"syncType\":\"movies\",\"frequency\":\"daily\"}",
            "{\"clientID\":" + source + ",\"syncType\":\"full\",\"frequency\":\"weekly\"}",
            "{\"clientID\":" + kept + ",\"syncType\":\"full\",\"frequency\":\"weekly\"}")) {
      assertThat(send("POST", "/api/v1/jobs/media-sync", carol, body).status()).isEqualTo(200);
    }

    Api.Reply deleted = send("DELETE", "/api/v1/sources/" + source, carol, null);
    assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
    assertThat(deleted.json().get("message").asText()).contains("with its 2 media sync jobs");
    List<Long> remaining = new ArrayList<>();
    send("GET", "/api/v1/jobs/media-sync", carol, null)
        .data()
        .forEach(job -> remaining.add(job.get("clientId").asLong()));
    assertThat(remaining).contains(kept).doesNotContain(source);
  }

  @Test
  void syncRunsOneSourceOrAllOfTheCallersAndReportsWhatTheyDid() throws Exception {
    DemoLibrary.Written library = library("runs", SMALL);
    long source = localSource(bob, "Runs", library);

    Api.Reply movies =
        send(
            "POST",
            "/api/v1/jobs/media-sync/run",
            bob,
            "{\"clientId\":" + source + ",\"mediaType\":\"movies\"}");
    assertThat(movies.status()).as(movies.text()).isEqualTo(202);
    long id = movies.data().get("id").asLong();
    assertThat(movies.header("Location")).isEqualTo("/api/v1/jobs/runs/" + id);
    JsonNode done = api.awaitEnd(bob, id);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(done.get("metadata").asText()).contains("\"itemsCreated\":" + SMALL.movies());

    // The original refused a full sync with clientID 0; here it syncs all of bob's sources.
    Api.Reply full =
        send("POST", "/api/v1/jobs/media-sync/run", bob, "{\"clientID\":0,\"syncType\":\"full\"}");
    assertThat(full.status()).as(full.text()).isEqualTo(202);
    JsonNode fullRun = api.awaitEnd(bob, full.data().get("id").asLong());
    assertThat(fullRun.get("status").asText()).isEqualTo("completed");
    assertThat(fullRun.get("metadata").asText())
        .contains("\"itemsCreated\":" + (SMALL.items() - SMALL.movies()));

    Api.Reply fullSync = send("POST", "/api/v1/jobs/full-sync", bob, null);
    assertThat(fullSync.status()).as(fullSync.text()).isEqualTo(202);
    JsonNode unchanged = api.awaitEnd(bob, fullSync.data().get("id").asLong());
    assertThat(unchanged.get("metadata").asText())
        .contains("\"itemsCreated\":0", "\"itemsUnchanged\":" + SMALL.items());

    assertThat(
            send(
                    "POST",
                    "/api/v1/jobs/media-sync/run",
                    alice,
                    "{\"clientID\":" + source + ",\"syncType\":\"movies\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            send(
                    "POST",
                    "/api/v1/jobs/media-sync/run",
                    bob,
                    "{\"clientID\":999999,\"syncType\":\"movies\"}")
                .status())
        .isEqualTo(404);
    Api.Reply noSource =
        send("POST", "/api/v1/jobs/media-sync/run", bob, "{\"syncType\":\"music\"}");
    assertThat(noSource.status()).isEqualTo(400);
    assertThat(noSource.json().get("message").asText()).contains("needs clientID");
    assertThat(
            send("POST", "/api/v1/jobs/media-sync/run", bob, "{\"syncType\":\"books\"}")
                .json()
                .get("message")
                .asText())
        .contains("unknown sync type 'books'");
  }

  @Test
  void aSecondSyncWhileOneRunsIsAConflict() throws Exception {
    long source =
        localSource(
            admin, "Large", library("large", new DemoLibrary.Size(1500, 10, 3, 10, 10, 5, 12)));
    String body = "{\"clientID\":" + source + ",\"syncType\":\"full\"}";
    Api.Reply first = send("POST", "/api/v1/jobs/media-sync/run", admin, body);
    assertThat(first.status()).as(first.text()).isEqualTo(202);
    Api.Reply second = send("POST", "/api/v1/jobs/media-sync/run", admin, body);
    assertThat(second.status()).as(second.text()).isEqualTo(409);
    assertThat(second.json().get("type").asText()).isEqualTo("CONFLICT");
    assertThat(api.awaitEnd(admin, first.data().get("id").asLong()).get("status").asText())
        .isEqualTo("completed");
  }

  private static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asLong()));
    return ids;
  }
}
