package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.UserItemData;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.UserDataStore;
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
 * The recommendation routes and the job preferences against a real server with the media domain's
 * jobs: each caller sees and changes only their own, and the recommender key never comes back; run
 * once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecommendationApiContract {
  static final String KEY = "sk-test-9f3c1e77d2";

  TestServer.Started server;
  Api api;
  String admin;
  String alice;
  long aliceId;
  String bob;
  String carol;
  long carolId;
  final List<Api.Reply> replies = new ArrayList<>();

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir) throws InterruptedException {
    server = TestServer.start(config(dataDir), List.of());
    // The daily recommendation fires once when the server starts; only the test's runs count.
    TestServer.pauseAndSettle(server, "system.recommendation");
    api = new Api(server.port());
    admin = server.adminToken();
    aliceId = api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice = token(aliceId);
    bob = token(api.post("/api/v1/users", admin, "{\"name\":\"bob\"}").data().get("id").asLong());
    carolId = api.post("/api/v1/users", admin, "{\"name\":\"carol\"}").data().get("id").asLong();
    carol = token(carolId);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      assertThat(replies).allSatisfy(reply -> assertThat(reply.text()).doesNotContain(KEY));
      server.app().close();
    }
  }

  @Test
  void preferencesStartAsDefaultsAndChangeKeepingTheKeyWriteOnly() {
    JsonNode defaults = send("GET", "/api/v1/users/me/preferences", carol, null).data();
    assertThat(defaults.get("userId").asLong()).isEqualTo(carolId);
    assertThat(defaults.get("recommender").asText()).isEqualTo("builtin");
    assertThat(defaults.get("maxRecommendations").asInt()).isEqualTo(20);
    assertThat(defaults.get("timeZone").asText()).isEqualTo("UTC");
    assertThat(defaults.get("hasRecommenderKey").asBoolean()).isFalse();

    Api.Reply saved =
        send(
            "PUT",
            "/api/v1/users/me/preferences",
            carol,
            """
            {"recommender": "openai", "recommenderModel": "llama3.1",
             "recommenderUrl": "http://localhost:11434/v1", "recommenderKey": "%s",
             "maxRecommendations": 10, "mediaTypes": ["movie", "episode"],
             "preferredGenres": ["Drama"], "timeZone": "Europe/Berlin", "minRating": 6.5}
            """
                .formatted(KEY));
    assertThat(saved.status()).as(saved.text()).isEqualTo(200);
    JsonNode changed = saved.data();
    assertThat(changed.get("recommender").asText()).isEqualTo("openai");
    assertThat(changed.get("recommenderModel").asText()).isEqualTo("llama3.1");
    assertThat(changed.get("hasRecommenderKey").asBoolean()).isTrue();
    assertThat(changed.has("recommenderKey")).isFalse();
    assertThat(changed.get("mediaTypes").toString()).isEqualTo("[\"movie\",\"episode\"]");
    assertThat(changed.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(changed.get("minRating").asDouble()).isEqualTo(6.5);
    assertThat(server.app().userJobs().recommenderKeys().key(carolId)).contains(KEY);

    // A partial change keeps the rest, the key included; what a GET answered may be sent back.
    JsonNode fewer =
        send("PUT", "/api/v1/users/me/preferences", carol, "{\"maxRecommendations\":5}").data();
    assertThat(fewer.get("maxRecommendations").asInt()).isEqualTo(5);
    assertThat(fewer.get("recommenderModel").asText()).isEqualTo("llama3.1");
    assertThat(fewer.get("hasRecommenderKey").asBoolean()).isTrue();
    Api.Reply back = send("PUT", "/api/v1/users/me/preferences", carol, fewer.toString());
    assertThat(back.status()).as(back.text()).isEqualTo(200);

    JsonNode removed =
        send("PUT", "/api/v1/users/me/preferences", carol, "{\"recommenderKey\":\"\"}").data();
    assertThat(removed.get("hasRecommenderKey").asBoolean()).isFalse();
    assertThat(server.app().userJobs().recommenderKeys().key(carolId)).isEmpty();

    JsonNode bobs = send("GET", "/api/v1/users/me/preferences", bob, null).data();
    assertThat(bobs.get("recommender").asText()).isEqualTo("builtin");
    assertThat(send("GET", "/api/v1/users/me/preferences", null, null).status()).isEqualTo(401);
  }

  @Test
  void invalidPreferencesAreRefusedSayingWhatToChange() {
    JsonNode before = withoutTime(send("GET", "/api/v1/users/me/preferences", bob, null).data());
    Map<String, String> refused =
        Map.ofEntries(
            Map.entry("{\"timeZone\":\"Mars/Olympus\"}", "IANA time zone such as Europe/Berlin"),
            Map.entry("{\"recommender\":\"skynet\"}", "use builtin, openai or anthropic"),
            Map.entry(
                "{\"recommender\":\"anthropic\"}", "recommenderModel is required with recommender"),
            Map.entry("{\"maxRecommendations\":0}", "a whole number from 1 to 100"),
            Map.entry("{\"mediaTypes\":[\"film\"]}", "\"film\" is none of them"),
            Map.entry("{\"minRating\":11}", "a number from 0 to 10"),
            Map.entry(
                "{\"preferredGenres\":[\"Drama\"],\"excludedGenres\":[\"drama\"]}",
                "both preferred and excluded"),
            Map.entry("{\"recommenderUrl\":\"ftp://host/v1\"}", "an http or https URL"),
            Map.entry("{\"colour\":\"red\"}", "unknown field 'colour'"),
            Map.entry("{\"analysisEnabled\":\"yes\"}", "analysisEnabled must be true or false"),
            Map.entry("{\"recommenderKey\":42}", "recommenderKey must be the API key as a text"),
            Map.entry("[]", "must be a JSON object"));
    refused.forEach(
        (body, message) -> {
          Api.Reply reply = send("PUT", "/api/v1/users/me/preferences", bob, body);
          assertThat(reply.status()).as(body + " → " + reply.text()).isEqualTo(400);
          assertThat(reply.json().get("message").asText()).as(body).contains(message);
        });
    assertThat(withoutTime(send("GET", "/api/v1/users/me/preferences", bob, null).data()))
        .isEqualTo(before);
  }

  @Test
  void recommendationsAreTheCallersOwnToListDismissAndMarkViewed() throws Exception {
    seedLibraryAndAlicesHistory();
    Api.Reply started = send("POST", "/api/v1/jobs/system.recommendation/run", alice, null);
    assertThat(started.status()).as(started.text()).isEqualTo(202);
    JsonNode run = api.awaitEnd(alice, started.data().get("id").asLong());
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
    assertThat(
            send("POST", "/api/v1/jobs/system.recommendation/run?userId=" + aliceId, bob, null)
                .status())
        .isEqualTo(403);

    JsonNode list =
        send("GET", "/api/v1/jobs/recommendations?active=true&limit=50", alice, null).data();
    assertThat(list).isNotEmpty();
    JsonNode best = list.get(0);
    long id = best.get("id").asLong();
    assertThat(best.get("title").asText()).isEqualTo("Orbit Three");
    assertThat(best.get("mediaType").asText()).isEqualTo("movie");
    assertThat(best.get("userId").asLong()).isEqualTo(aliceId);
    assertThat(best.get("recommendedBy").asText()).isEqualTo("builtin");
    assertThat(best.get("isViewed").asBoolean()).isFalse();
    assertThat(best.get("reasoning").asText())
        .startsWith("Because you watched Orbit")
        .contains("science fiction");
    assertThat(best.get("score").asDouble()).isPositive();
    assertThat(best.get("jobRunId").asLong()).isEqualTo(run.get("id").asLong());
    assertThat(send("GET", "/api/v1/jobs/recommendations?limit=1", alice, null).data()).hasSize(1);

    // Nobody else sees, dismisses or marks it: not bob, not an admin.
    assertThat(send("GET", "/api/v1/jobs/recommendations", bob, null).data()).isEmpty();
    for (String token : List.of(bob, admin)) {
      assertThat(
              send("POST", "/api/v1/jobs/recommendations/" + id + "/dismiss", token, null).status())
          .isEqualTo(404);
      assertThat(
              send(
                      "PUT",
                      "/api/v1/jobs/recommendations/" + id + "/viewed",
                      token,
                      "{\"viewed\":true}")
                  .status())
          .isEqualTo(404);
    }
    assertThat(send("GET", "/api/v1/jobs/recommendations", null, null).status()).isEqualTo(401);

    Api.Reply viewed =
        send("PUT", "/api/v1/jobs/recommendations/" + id + "/viewed", alice, "{\"viewed\":true}");
    assertThat(viewed.status()).as(viewed.text()).isEqualTo(200);
    assertThat(viewed.data().get("isViewed").asBoolean()).isTrue();
    assertThat(
            send("PUT", "/api/v1/jobs/recommendations/" + id + "/viewed", alice, "{}")
                .json()
                .get("message")
                .asText())
        .isEqualTo("viewed is required: true or false");
    assertThat(
            send("PUT", "/api/v1/jobs/recommendations/" + id + "/viewed", alice, "{\"viewed\":1}")
                .status())
        .isEqualTo(400);

    Api.Reply dismissed =
        send("POST", "/api/v1/jobs/recommendations/" + id + "/dismiss", alice, null);
    assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
    assertThat(dismissed.data().get("dismissed").asBoolean()).isTrue();
    assertThat(ids(send("GET", "/api/v1/jobs/recommendations", alice, null).data()))
        .doesNotContain(id);
    assertThat(ids(send("GET", "/api/v1/jobs/recommendations?active=false", alice, null).data()))
        .contains(id);

    assertThat(send("GET", "/api/v1/jobs/recommendations?active=maybe", alice, null).status())
        .isEqualTo(400);
    assertThat(send("GET", "/api/v1/jobs/recommendations?limit=0", alice, null).status())
        .isEqualTo(400);
    assertThat(send("POST", "/api/v1/jobs/recommendations/999999/dismiss", alice, null).status())
        .isEqualTo(404);
    assertThat(send("POST", "/api/v1/jobs/recommendations/abc/dismiss", alice, null).status())
        .isEqualTo(400);
  }

  /** Six movies; alice finished two science fiction ones with Kara Vale. */
  private void seedLibraryAndAlicesHistory() {
    ItemStore items = new ItemStore(server.app().database());
    Instant now = Instant.now();
    long one = movie(items, "Orbit One", List.of("Science Fiction"), "Kara Vale", now);
    long two = movie(items, "Orbit Two", List.of("Science Fiction"), "Kara Vale", now);
    movie(items, "Orbit Three", List.of("Science Fiction"), "Kara Vale", now);
    movie(items, "Deep Field", List.of("Science Fiction"), "Ola Brandt", now);
    movie(items, "Laughing Matters", List.of("Comedy"), "Kara Vale", now);
    movie(items, "Quiet Rooms", List.of("Documentary"), "Ina Roe", now);
    UserDataStore data = new UserDataStore(server.app().database());
    Instant watched = now.minus(Duration.ofDays(2));
    for (long movie : List.of(one, two)) {
      data.save(new UserItemData(aliceId, movie, 1, watched, 100, false, null, false, watched));
    }
  }

  private static long movie(
      ItemStore items, String title, List<String> genres, String actor, Instant now) {
    ItemMetadata metadata =
        new ItemMetadata(
            title,
            null,
            null,
            2020,
            null,
            null,
            null,
            7.0,
            null,
            Map.of(),
            genres,
            List.of(),
            List.of(new Credit(actor, CreditRole.ACTOR, null, 0)));
    return items
        .insert(new NewItem(MediaType.MOVIE, metadata, null, null, Numbering.NONE), now)
        .id();
  }

  private String token(long userId) {
    return api.post("/api/v1/tokens", admin, "{\"userId\":" + userId + ",\"name\":\"t\"}")
        .data()
        .get("token")
        .asText();
  }

  private Api.Reply send(String method, String path, String token, String body) {
    Api.Reply reply = api.send(method, path, token, body);
    replies.add(reply);
    return reply;
  }

  /** Preferences never saved are the defaults as of now; the rest must not change. */
  private static JsonNode withoutTime(JsonNode preferences) {
    com.fasterxml.jackson.databind.node.ObjectNode copy =
        (com.fasterxml.jackson.databind.node.ObjectNode) preferences.deepCopy();
    copy.remove("updatedAt");
    return copy;
  }

  private static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asLong()));
    return ids;
  }
}
