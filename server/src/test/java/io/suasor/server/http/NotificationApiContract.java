package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notification routes against a real server: alice's demo library is synced and her own run of
 * the notification job tells her of it; each caller sees and marks only their own, unread first, in
 * pages. Run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class NotificationApiContract {
  static final String JOB = "system.new.release.notification";
  static final String PATH = "/api/v1/notifications";

  /** Six movies, a series and an album: eight notifications, within the default limit of ten. */
  static final DemoLibrary.Size SIZE = new DemoLibrary.Size(6, 1, 1, 2, 1, 1, 2);

  TestServer.Started server;
  Api api;
  String admin;
  String alice;
  String bob;

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir, @TempDir Path media) throws InterruptedException {
    server = TestServer.start(config(dataDir), List.of());
    // The daily run fires once when the server starts; only the test's own runs count.
    TestServer.pauseAndSettle(server, JOB);
    api = new Api(server.port());
    admin = server.adminToken();
    alice = token("alice");
    bob = token("bob");
    DemoLibrary.Written library = new DemoLibrary(11).write(media.resolve("demo"), SIZE);
    Api.Reply source =
        api.post(
            "/api/v1/sources",
            alice,
            "{\"type\":\"local\",\"name\":\"Demo\",\"config\":" + library.config().toJson() + "}");
    assertThat(source.status()).as(source.text()).isEqualTo(201);
    runToTheEnd(
        alice,
        "/api/v1/jobs/media-sync/run",
        "{\"clientID\":" + source.data().get("id").asLong() + ",\"syncType\":\"full\"}");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.app().close();
    }
  }

  @Test
  @Order(1)
  void aUsersOwnRunTellsThemOfTheirNewItemsAndNobodyElse() throws InterruptedException {
    JsonNode run = runToTheEnd(alice, "/api/v1/jobs/" + JOB + "/run", null);
    assertThat(run.get("metadata").asText()).contains("\"notificationsCreated\":8");
    assertThat(run.get("statusMessage").asText())
        .contains("8 notifications for 1 user", "no release calendar (TMDB) is configured");

    Api.Reply mine = api.get(PATH, alice);
    assertThat(mine.status()).as(mine.text()).isEqualTo(200);
    assertThat(mine.data().get("unreadCount").asLong()).isEqualTo(8);
    assertThat(mine.data().get("notifications")).hasSize(8);
    JsonNode first = mine.data().get("notifications").get(0);
    assertThat(first.get("kind").asText()).isEqualTo("library.new");
    assertThat(first.get("priority").asText()).isEqualTo("normal");
    assertThat(first.get("isRead").asBoolean()).isFalse();
    assertThat(first.get("expiresAt").asText()).isNotBlank();
    assertThat(mine.json().get("pagination").get("nextCursor").isNull()).isTrue();

    Api.Reply bobs = api.get(PATH, bob);
    assertThat(bobs.data().get("unreadCount").asLong()).isZero();
    assertThat(bobs.data().get("notifications")).isEmpty();

    // Run again: nothing is told twice.
    runToTheEnd(alice, "/api/v1/jobs/" + JOB + "/run", null);
    assertThat(api.get(PATH, alice).data().get("notifications")).hasSize(8);
  }

  @Test
  @Order(2)
  void anotherUsersNotificationIsNotFoundForAnyone() {
    long id = ids(api.get(PATH, alice)).get(0);
    for (String caller : List.of(bob, admin)) {
      Api.Reply refused = api.post(PATH + "/" + id + "/read", caller, null);
      assertThat(refused.status()).as(refused.text()).isEqualTo(404);
      assertThat(refused.json().get("success").asBoolean()).isFalse();
    }
    assertThat(api.get(PATH, alice).data().get("unreadCount").asLong()).isEqualTo(8);
    assertThat(api.post(PATH + "/999999/read", alice, null).status()).isEqualTo(404);
    assertThat(api.get(PATH + "?cursor=" + id, bob).status()).isEqualTo(400);
    assertThat(api.get(PATH + "?limit=0", alice).status()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void readOnesGoAfterTheUnreadAndPagesFollowTheCursor() {
    List<Long> before = ids(api.get(PATH, alice));
    long oldest = before.get(before.size() - 1);
    long newest = before.get(0);
    Api.Reply read = api.post(PATH + "/" + newest + "/read", alice, null);
    assertThat(read.status()).as(read.text()).isEqualTo(200);
    assertThat(read.data().get("unreadCount").asLong()).isEqualTo(7);
    assertThat(api.post(PATH + "/" + oldest + "/read", alice, null).status()).isEqualTo(200);

    List<Long> expected = new ArrayList<>(before);
    expected.remove(newest);
    expected.remove(oldest);
    expected.add(newest);
    expected.add(oldest);
    List<Long> paged = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply page =
          api.get(PATH + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), alice);
      assertThat(page.status()).as(page.text()).isEqualTo(200);
      assertThat(page.data().get("unreadCount").asLong()).isEqualTo(6);
      paged.addAll(ids(page));
      JsonNode next = page.json().get("pagination").get("nextCursor");
      cursor = next.isNull() ? null : next.asText();
    } while (cursor != null);
    assertThat(paged).containsExactlyElementsOf(expected);
  }

  @Test
  @Order(4)
  void readAllMarksOnlyTheCallersOwn() {
    Api.Reply bobs = api.post(PATH + "/read-all", bob, null);
    assertThat(bobs.status()).as(bobs.text()).isEqualTo(200);
    assertThat(bobs.data().get("marked").asInt()).isZero();
    assertThat(api.get(PATH, alice).data().get("unreadCount").asLong()).isEqualTo(6);

    Api.Reply all = api.post(PATH + "/read-all", alice, null);
    assertThat(all.data().get("marked").asInt()).isEqualTo(6);
    assertThat(all.data().get("unreadCount").asLong()).isZero();
    assertThat(api.get(PATH, alice).data().get("notifications"))
        .hasSize(8)
        .allSatisfy(n -> assertThat(n.get("isRead").asBoolean()).isTrue());
  }

  private static List<Long> ids(Api.Reply reply) {
    List<Long> ids = new ArrayList<>();
    reply.data().get("notifications").forEach(n -> ids.add(n.get("id").asLong()));
    return ids;
  }

  private String token(String name) {
    long id =
        api.post("/api/v1/users", admin, "{\"name\":\"" + name + "\"}").data().get("id").asLong();
    return api.post("/api/v1/tokens", admin, "{\"userId\":" + id + "}")
        .data()
        .get("token")
        .asText();
  }

  private JsonNode runToTheEnd(String token, String path, String body) throws InterruptedException {
    Api.Reply started = api.post(path, token, body);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    JsonNode run = api.awaitEnd(admin, started.data().get("id").asLong());
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
    return run;
  }
}
