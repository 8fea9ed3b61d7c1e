package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.jobs.ActivityAnalysisJob;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.PlayEvent;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.UserDataStore;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/users/me/activity} against a real server with the media domain's system jobs:
 * nothing before the analysis ran, then the caller's own profile only; run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ActivityApiContract {
  static final String ACTIVITY = "/api/v1/users/me/activity";
  static final String RUN = "/api/v1/jobs/system.user.activity.analysis/run";

  TestServer.Started server;
  Api api;
  String admin;
  long aliceId;
  String alice;
  long bobId;
  String bob;

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir) throws InterruptedException {
    server = TestServer.start(config(dataDir), List.of());
    // The weekly analysis fires once when the server starts; only the test's runs make profiles.
    TestServer.pauseAndSettle(server, ActivityAnalysisJob.NAME);
    api = new Api(server.port());
    admin = server.adminToken();
    aliceId = api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice = token(aliceId);
    bobId = api.post("/api/v1/users", admin, "{\"name\":\"bob\"}").data().get("id").asLong();
    bob = token(bobId);
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    long heat =
        new ItemStore(server.app().database())
            .insert(
                new NewItem(
                    MediaType.MOVIE,
                    new ItemMetadata(
                        "Heat",
                        null,
                        null,
                        1995,
                        null,
                        null,
                        null,
                        null,
                        170 * 60,
                        Map.of(),
                        List.of("Crime"),
                        List.of(),
                        List.of()),
                    null,
                    null,
                    Numbering.NONE),
                now)
            .id();
    UserDataStore plays = new UserDataStore(server.app().database());
    plays.recordPlay(new PlayEvent(aliceId, heat, now, 100, null));
    plays.recordPlay(new PlayEvent(aliceId, heat, now.plusSeconds(86_400), 100, null));
    plays.recordPlay(new PlayEvent(bobId, heat, now, 50, null));
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

  @Test
  void eachCallerSeesOnlyTheirOwnProfileOnceTheAnalysisComputedIt() throws Exception {
    Api.Reply before = api.get(ACTIVITY, alice);
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.json().has("data")).isTrue();
    assertThat(before.data().isNull()).isTrue();
    assertThat(before.json().get("message").asText())
        .contains("not been analysed yet")
        .contains("system.user.activity.analysis");

    // Alice's own run analyses her alone.
    Api.Reply run = api.post(RUN, alice, null);
    assertThat(run.status()).as(run.text()).isEqualTo(202);
    JsonNode ended = api.awaitEnd(alice, run.data().get("id").asLong());
    assertThat(ended.get("status").asText()).as(ended.toString()).isEqualTo("completed");
    assertThat(ended.get("metadata").asText())
        .contains("\"usersAnalysed\":1", "\"playsCounted\":2");

    Api.Reply mine = api.get(ACTIVITY, alice);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().has("pagination")).isFalse();
    JsonNode data = mine.data();
    assertThat(data.get("userId").asLong()).isEqualTo(aliceId);
    assertThat(data.get("playsCounted").asLong()).isEqualTo(2);
    assertThat(Instant.parse(data.get("computedAt").asText()))
        .isBefore(Instant.now().plusSeconds(1));
    JsonNode profile = data.get("profile");
    assertThat(profile.get("plays").asLong()).isEqualTo(2);
    assertThat(profile.get("hoursTotal").asDouble()).isEqualTo(5.67);
    assertThat(profile.get("genres").get(0).get("name").asText()).isEqualTo("Crime");
    assertThat(profile.get("hours")).hasSize(24);
    assertThat(api.get(ACTIVITY, bob).data().isNull()).isTrue();

    // An admin's run analyses everyone; each still sees only their own.
    JsonNode all = api.awaitEnd(admin, api.post(RUN, admin, null).data().get("id").asLong());
    assertThat(all.get("status").asText()).as(all.toString()).isEqualTo("completed");
    JsonNode bobs = api.get(ACTIVITY, bob).data();
    assertThat(bobs.get("userId").asLong()).isEqualTo(bobId);
    assertThat(bobs.get("playsCounted").asLong()).isEqualTo(1);
    assertThat(bobs.get("profile").get("completion").get("abandoned").asLong()).isEqualTo(1);
    assertThat(api.get(ACTIVITY, alice).data().get("playsCounted").asLong()).isEqualTo(2);
  }

  @Test
  void theProfileNeedsAToken() {
    Api.Reply anonymous = api.get(ACTIVITY, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("success").asBoolean()).isFalse();
  }
}
