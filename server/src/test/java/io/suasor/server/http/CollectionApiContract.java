package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.testing.Await;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collection routes against a real server: CRUD of smart and manual collections, their items a
 * page at a time, a preview that stores nothing, errors that name the bad part, and each caller's
 * collections their own; run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CollectionApiContract {
  static final String COLLECTIONS = "/api/v1/collections";
  static final String JOB = "system.smart.collections";

  TestServer.Started server;
  Api api;
  String admin;
  String alice;
  String bob;
  long orbitOne;
  long orbitTwo;
  long orbitThree;
  long laughing;
  long quiet;

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir) throws InterruptedException {
    server = TestServer.start(config(dataDir), List.of());
    TestServer.pauseAndSettle(server, JOB);
    api = new Api(server.port());
    admin = server.adminToken();
    alice =
        token(api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong());
    bob = token(api.post("/api/v1/users", admin, "{\"name\":\"bob\"}").data().get("id").asLong());
    ItemStore items = new ItemStore(server.app().database());
    orbitOne = movie(items, "Orbit One", 2001, "Science Fiction");
    orbitTwo = movie(items, "Orbit Two", 2004, "Science Fiction");
    orbitThree = movie(items, "Orbit Three", 2009, "Science Fiction");
    laughing = movie(items, "Laughing Matters", 1995, "Comedy");
    quiet = movie(items, "Quiet Rooms", 2015, "Documentary");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.app().close();
    }
  }

  @Test
  void smartAndManualCollectionsAreCreatedReadChangedAndDeleted() {
    Api.Reply created =
        api.post(
            COLLECTIONS,
            alice,
            """
            {"name": "Space", "description": "films in orbit",
             "rules": {"genre": "science fiction"}, "sort": {"by": "title"}, "limit": 2}
            """);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode space = created.data();
    long spaceId = space.get("id").asLong();
    assertThat(space.get("kind").asText()).isEqualTo("smart");
    assertThat(space.get("itemCount").asLong()).isEqualTo(2);
    assertThat(space.get("rules").toString()).isEqualTo("{\"genre\":[\"science fiction\"]}");
    assertThat(space.get("sort").toString()).isEqualTo("{\"by\":\"title\",\"order\":\"asc\"}");
    assertThat(space.get("limit").asInt()).isEqualTo(2);

    Api.Reply first = api.get(COLLECTIONS + "/" + spaceId + "/items?limit=1", alice);
    assertThat(titles(first.data())).containsExactly("Orbit One");
    long cursor = first.json().get("pagination").get("nextCursor").asLong();
    Api.Reply second =
        api.get(COLLECTIONS + "/" + spaceId + "/items?limit=1&cursor=" + cursor, alice);
    assertThat(titles(second.data())).containsExactly("Orbit Three");
    assertThat(second.json().get("pagination").get("nextCursor").isNull()).isTrue();

    Api.Reply manual =
        api.post(
            COLLECTIONS, alice, "{\"name\":\"Mine\",\"items\":[" + quiet + "," + laughing + "]}");
    assertThat(manual.status()).as(manual.text()).isEqualTo(201);
    long mineId = manual.data().get("id").asLong();
    assertThat(manual.data().get("kind").asText()).isEqualTo("manual");
    assertThat(manual.data().get("rules").isNull()).isTrue();
    assertThat(titles(api.get(COLLECTIONS + "/" + mineId + "/items", alice).data()))
        .containsExactly("Quiet Rooms", "Laughing Matters");

    Api.Reply changed =
        api.put(
            COLLECTIONS + "/" + mineId, alice, "{\"name\":\"Mine\",\"items\":[" + laughing + "]}");
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.data().get("itemCount").asLong()).isEqualTo(1);
    Api.Reply more =
        api.put(
            COLLECTIONS + "/" + spaceId,
            alice,
            "{\"name\":\"Space\",\"rules\":{\"genre\":\"Science Fiction\"},\"sort\":\"year\"}");
    assertThat(more.status()).as(more.text()).isEqualTo(200);
    assertThat(titles(api.get(COLLECTIONS + "/" + spaceId + "/items", alice).data()))
        .containsExactly("Orbit Three", "Orbit Two", "Orbit One");
    assertThat(api.get(COLLECTIONS, alice).data())
        .extracting(c -> c.get("name").asText())
        .containsExactly("Mine", "Space");

    Api.Reply duplicate = api.post(COLLECTIONS, alice, "{\"name\":\"Mine\",\"items\":[]}");
    assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(409);

    assertThat(api.delete(COLLECTIONS + "/" + mineId, alice).status()).isEqualTo(200);
    assertThat(api.get(COLLECTIONS + "/" + mineId, alice).status()).isEqualTo(404);
    assertThat(api.delete(COLLECTIONS + "/" + spaceId, alice).status()).isEqualTo(200);
  }

  @Test
  void aPreviewShowsWhatRulesSelectAndStoresNothing() {
    int before = api.get(COLLECTIONS, bob).data().size();
    Api.Reply preview =
        api.post(
            COLLECTIONS + "/preview",
            bob,
            """
            {"rules": {"any": [{"genre": "Comedy"}, {"genre": "Documentary"},
                               {"year": {"from": 2008}}]},
             "sort": "title", "limit": 2}
            """);
    assertThat(preview.status()).as(preview.text()).isEqualTo(200);
    assertThat(preview.data().get("matched").asLong()).isEqualTo(3);
    assertThat(titles(preview.data().get("items")))
        .containsExactly("Laughing Matters", "Orbit Three");
    assertThat(api.get(COLLECTIONS, bob).data()).hasSize(before);
  }

  @Test
  void anotherUsersCollectionIsNotFoundWhoeverAsks() {
    long id =
        api.post(COLLECTIONS, alice, "{\"name\":\"Private\",\"items\":[" + orbitTwo + "]}")
            .data()
            .get("id")
            .asLong();
    for (String token : List.of(bob, admin)) {
      assertThat(api.get(COLLECTIONS + "/" + id, token).status()).isEqualTo(404);
      assertThat(api.get(COLLECTIONS + "/" + id + "/items", token).status()).isEqualTo(404);
      assertThat(api.put(COLLECTIONS + "/" + id, token, "{\"name\":\"Mine now\"}").status())
          .isEqualTo(404);
      assertThat(api.delete(COLLECTIONS + "/" + id, token).status()).isEqualTo(404);
      assertThat(api.get(COLLECTIONS, token).data())
          .extracting(c -> c.get("name").asText())
          .doesNotContain("Private");
    }
    assertThat(api.get(COLLECTIONS + "/" + id, alice).data().get("name").asText())
        .isEqualTo("Private");
    assertThat(api.get(COLLECTIONS, null).status()).isEqualTo(401);
    api.delete(COLLECTIONS + "/" + id, alice);
  }

  @Test
  void badCollectionsAreRefusedNamingTheBadPart() {
    long manual =
        api.post(COLLECTIONS, bob, "{\"name\":\"Kept\",\"items\":[]}").data().get("id").asLong();
    Map<String, String> refused =
        Map.of(
            "{\"name\":\"X\",\"rules\":{\"all\":[{\"genre\":\"Drama\"},{\"year\":{\"from\":2020,\"to\":1990}}]}}",
            "rules.all[1].year.from",
            "{\"rules\":{\"genre\":\"Drama\"}}",
            "name is required",
            "{\"name\":\"X\",\"kind\":\"manual\",\"rules\":{\"genre\":\"Drama\"}}",
            "rules belongs to a smart collection",
            "{\"name\":\"X\",\"items\":[" + quiet + ",999999]}",
            "items[1]: there is no item 999999",
            "{\"name\":\"X\",\"items\":[1,1]}",
            "already in the list",
            "{\"name\":\"X\",\"colour\":\"red\"}",
            "colour is not a field",
            "{\"name\":\"X\",\"rules\":{\"season\":{\"from\":\"12-40\",\"to\":\"01-06\"}}}",
            "rules.season.from");
    refused.forEach(
        (body, message) -> {
          Api.Reply reply = api.post(COLLECTIONS, bob, body);
          assertThat(reply.status()).as(body + " → " + reply.text()).isEqualTo(400);
          assertThat(reply.json().get("message").asText()).as(body).contains(message);
        });
    Api.Reply rules =
        api.post(
            COLLECTIONS + "/preview",
            bob,
            "{\"rules\":{\"all\":[{\"type\":\"film\"},{\"rating\":{\"min\":12}}]},\"limit\":0}");
    assertThat(rules.status()).isEqualTo(400);
    assertThat(rules.json().get("details").get("field").asText()).isEqualTo("rules.all[0].type");
    assertThat(rules.json().get("details").get("errors"))
        .extracting(e -> e.get("path").asText())
        .containsExactly("rules.all[0].type", "rules.all[1].rating.min", "limit");
    Api.Reply kind =
        api.put(
            COLLECTIONS + "/" + manual, bob, "{\"name\":\"Kept\",\"rules\":{\"genre\":\"Drama\"}}");
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.json().get("message").asText()).contains("is manual and stays so");
    assertThat(api.get(COLLECTIONS, bob).data())
        .extracting(c -> c.get("name").asText())
        .contains("Kept")
        .doesNotContain("X");
    api.delete(COLLECTIONS + "/" + manual, bob);
  }

  @Test
  void aUsersOwnRunOfTheJobEvaluatesTheirCollections() throws Exception {
    long id =
        api.post(COLLECTIONS, bob, "{\"name\":\"Comedies\",\"rules\":{\"genre\":\"Comedy\"}}")
            .data()
            .get("id")
            .asLong();
    Api.Reply started = api.post("/api/v1/jobs/" + JOB + "/run", bob, null);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    long runId = started.data().get("id").asLong();
    Await.until(
        "run " + runId + " to end",
        Duration.ofSeconds(30),
        () -> !api.get("/api/v1/jobs/runs/" + runId, bob).data().get("endTime").isNull());
    JsonNode run = api.get("/api/v1/jobs/runs/" + runId, bob).data();
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
    JsonNode statistics =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.get("metadata").asText());
    assertThat(statistics.get("collectionsEvaluated").asLong()).isEqualTo(1);
    assertThat(statistics.get("collectionsChanged").asLong()).isZero();
    api.delete(COLLECTIONS + "/" + id, bob);
  }

  private static List<String> titles(JsonNode items) {
    List<String> titles = new ArrayList<>();
    items.forEach(item -> titles.add(item.get("title").asText()));
    return titles;
  }

  private static long movie(ItemStore items, String title, int year, String genre) {
    ItemMetadata metadata =
        new ItemMetadata(
            title,
            null,
            null,
            year,
            null,
            null,
            null,
            7.0,
            6000,
            Map.of(),
            List.of(genre),
            List.of(),
            List.of());
    return items
        .insert(new NewItem(MediaType.MOVIE, metadata, null, null, Numbering.NONE), Instant.now())
        .id();
  }

  private String token(long userId) {
    return api.post("/api/v1/tokens", admin, "{\"userId\":" + userId + ",\"name\":\"t\"}")
        .data()
        .get("token")
        .asText();
  }
}
