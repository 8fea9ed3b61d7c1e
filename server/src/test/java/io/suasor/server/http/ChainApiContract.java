package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains over HTTP against a real server: the schedule routes read and return the {@code after JOB}
 * forms and refuse cycles; a run of a chain shows the run it started after. Once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChainApiContract {
  static final String SYNC = "system.media.sync";
  static final String REFRESH = "system.metadata.refresh";
  private static final ObjectMapper JSON = new ObjectMapper();

  TestServer.Started server;
  Api api;
  String admin;

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir) throws InterruptedException {
    server = TestServer.start(config(dataDir), List.of());
    api = new Api(server.port());
    admin = server.adminToken();
    // The sync's own clock stays out of the way; the refresh keeps its schedule (a paused one
    // follows nothing) and its start-up run is let end.
    TestServer.pauseAndSettle(server, SYNC);
    Await.until(
        "the start-up runs of " + REFRESH + " to end",
        Duration.ofSeconds(30),
        () -> runsOf(REFRESH).stream().noneMatch(JobRun::isActive));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.app().close();
    }
  }

  List<JobRun> runsOf(String job) {
    return server.app().jobs().findRuns(RunQuery.latest(100).withJobName(job)).runs();
  }

  static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void theScheduleRoutesReadAndReturnChains() {
    assertThat(api.get("/api/v1/jobs/schedules/" + REFRESH, admin).data().get("frequency").asText())
        .isEqualTo("daily or after " + SYNC);

    Api.Reply edited =
        api.put(
            "/api/v1/jobs/schedules/" + REFRESH,
            admin,
            "{\"frequency\":\"Daily At 4:00 OR After " + SYNC + "\"}");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.data().get("frequency").asText())
        .isEqualTo("daily at 04:00 or after " + SYNC);

    Api.Reply preview =
        api.get("/api/v1/jobs/schedule-preview?frequency=" + query("after " + SYNC), admin);
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.data().get("frequency").asText()).isEqualTo("after " + SYNC);
    assertThat(preview.data().get("description").asText())
        .isEqualTo("after each successful run of " + SYNC);
    assertThat(preview.data().get("fireTimes")).isEmpty();
  }

  @Test
  void aChainThatWouldCloseACycleOrFollowsNoJobIsRefused() {
    Api.Reply cycle =
        api.put(
            "/api/v1/jobs/schedules/" + SYNC,
            admin,
            "{\"frequency\":\"hourly or after " + REFRESH + "\"}");
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.json().get("details").get("field").asText()).isEqualTo("frequency");
    assertThat(cycle.json().get("message").asText())
        .contains("would make a cycle: " + REFRESH + " after " + SYNC + " after " + REFRESH);

    Api.Reply self =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"name\":\"cleanup.again\",\"jobName\":\"system.library.cleanup\","
                + "\"frequency\":\"after system.library.cleanup\"}");
    assertThat(self.status()).isEqualTo(400);
    assertThat(self.json().get("message").asText())
        .contains("system.library.cleanup after system.library.cleanup");

    Api.Reply unknown =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"name\":\"cleanup.after\",\"jobName\":\"system.library.cleanup\","
                + "\"frequency\":\"after system.media.synk\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("message").asText())
        .contains("there is no job named 'system.media.synk' to follow", SYNC);

    Api.Reply misspelt =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"name\":\"cleanup.after\",\"jobName\":\"system.library.cleanup\","
                + "\"frequency\":\"daily after "
                + SYNC
                + "\"}");
    assertThat(misspelt.status()).isEqualTo(400);
    assertThat(misspelt.json().get("message").asText())
        .contains("write 'or' between the clock and 'after " + SYNC + "'");
    assertThat(api.get("/api/v1/jobs/schedules/" + SYNC, admin).data().get("frequency").asText())
        .isEqualTo("hourly");
  }

  @Test
  void aRunOfAChainShowsTheRunItStartedAfter() throws Exception {
    long sync = api.post("/api/v1/jobs/" + SYNC + "/run", admin, null).data().get("id").asLong();
    JsonNode synced = api.awaitEnd(admin, sync);
    assertThat(synced.get("status").asText()).isEqualTo("completed");

    Await.until(
        "a refresh after run " + sync,
        Duration.ofSeconds(30),
        () -> refreshAfter(sync).isPresent());
    long refresh = refreshAfter(sync).orElseThrow().id();
    JsonNode run = api.awaitEnd(admin, refresh);

    assertThat(run.get("trigger").asText()).isEqualTo("after");
    assertThat(run.get("afterRunId").asLong()).isEqualTo(sync);
    JsonNode after = JSON.readTree(run.get("parameters").asText()).get("after");
    assertThat(after.get("runId").asLong()).isEqualTo(sync);
    assertThat(after.get("job").asText()).isEqualTo(SYNC);
    assertThat(after.get("endedAt").asText()).isEqualTo(synced.get("endTime").asText());
    assertThat(after.get("statistics")).isEqualTo(JSON.readTree(synced.get("metadata").asText()));
    assertThat(runsOf(REFRESH).stream().filter(r -> Long.valueOf(sync).equals(r.afterRunId())))
        .hasSize(1);
  }

  private Optional<JobRun> refreshAfter(long sync) {
    return runsOf(REFRESH).stream()
        .filter(r -> Long.valueOf(sync).equals(r.afterRunId()))
        .findFirst();
  }
}
