package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.media.model.Role;
import io.suasor.media.store.Json;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API against a real server on a loopback port; run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerApiContract {
  final TestJobs.Gated gated = new TestJobs.Gated();
  TestServer.Started server;
  Api api;
  String admin;
  String alice;
  long aliceId;
  String bob;
  long bobId;

  abstract ServerConfig config(Path dataDir);

  @BeforeAll
  void start(@TempDir Path dataDir) {
    server = TestServer.start(config(dataDir), TestJobs.all(gated));
    api = new Api(server.port());
    admin = server.adminToken();
    aliceId = api.post("/api/v1/users", admin, "{\"name\":\"alice\"}").data().get("id").asLong();
    alice = token(aliceId);
    bobId =
        api.post("/api/v1/users", admin, "{\"name\":\"bob\",\"role\":\"user\"}")
            .data()
            .get("id")
            .asLong();
    bob = token(bobId);
  }

  private String token(long userId) {
    Api.Reply reply =
        api.post("/api/v1/tokens", admin, "{\"userId\":" + userId + ",\"name\":\"t\"}");
    assertThat(reply.status()).isEqualTo(201);
    return reply.data().get("token").asText();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.app().close();
    }
  }

  // Envelope, health and auth

  @Test
  void healthAndReadinessNeedNoToken() {
    assertThat(api.get("/health", null).json().get("success").asBoolean()).isTrue();
    Api.Reply ready = api.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.data().get("database").asText()).isEqualTo("up");
  }

  @Test
  void missingOrUnknownTokenIs401WithTheErrorEnvelope() {
    Api.Reply missing = api.get("/api/v1/jobs", null);
    assertThat(missing.status()).isEqualTo(401);
    JsonNode error = missing.json();
    assertThat(error.get("success").asBoolean()).isFalse();
    assertThat(error.get("type").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(error.get("statusCode").asInt()).isEqualTo(401);
    assertThat(error.get("request_id").asText()).isEqualTo(missing.header("X-Request-Id"));
    assertThat(error.get("timestamp").asText()).endsWith("Z");
    assertThat(error.has("details")).isTrue();
    assertThat(api.get("/api/v1/jobs", "suasor_not-a-token").status()).isEqualTo(401);
  }

  @Test
  void unknownRouteIs404InTheEnvelope() {
    Api.Reply reply = api.get("/api/v1/nothing/here", admin);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("type").asText()).isEqualTo("NOT_FOUND");
  }

  @Test
  void corsPreflightAllowsTheConfiguredOriginAndAuthorization() throws Exception {
    HttpRequest preflight =
        HttpRequest.newBuilder(URI.create(api.base + "/api/v1/jobs/active"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "http://localhost:5173")
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "authorization")
            .build();
    HttpResponse<String> reply = api.client.send(preflight, HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:5173");
    assertThat(reply.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("authorization");
  }

  @Test
  void requestsFromUnlistedOriginsGetNoCorsHeadersButAreNotRefused() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(api.base + "/api/v1/jobs/active"))
            .header("Authorization", "Bearer " + alice)
            .header("Origin", api.base)
            .build();
    HttpResponse<String> reply = api.client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theDashboardIsServedAtTheRootWithoutAToken() {
    Api.Reply page = api.get("/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("<script type=\"module\" src=\"js/main.js\">");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    Api.Reply script = api.get("/js/main.js", null);
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.header("Content-Type")).contains("javascript");
  }

  // Jobs and schedules

  @Test
  void overviewListsEachJobWithScheduleInWordsAndNextRun() {
    JsonNode jobs = api.get("/api/v1/jobs", alice).data();
    JsonNode system = find(jobs, j -> j.get("name").asText().equals("test.system"));
    assertThat(system.get("description").asText()).contains("03:00");
    assertThat(system.get("schedule").get("frequency").asText()).isEqualTo("daily at 03:00");
    assertThat(system.get("nextRun").asText()).endsWith("Z");
    // The three test jobs and the media domain's nine system jobs.
    assertThat(jobs).hasSize(12);
    JsonNode sync = find(jobs, j -> j.get("name").asText().equals("system.media.sync"));
    assertThat(sync.get("frequency").asText()).isEqualTo("hourly");
    assertThat(sync.get("schedule").get("userId").isNull()).isTrue();
  }

  @Test
  void schedulesCanBeCreatedReadEditedPausedAndDeleted() {
    Api.Reply created =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"name\":\"quick-hourly\",\"jobName\":\"test.quick\",\"frequency\":\"every 15m\",\"config\":{\"items\":5}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.data().get("frequency").asText()).isEqualTo("every 15m");
    assertThat(created.data().get("config").asText()).isEqualTo("{\"items\":5}");
    assertThat(created.header("Location")).isEqualTo("/api/v1/jobs/schedules/quick-hourly");

    Api.Reply taken =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"name\":\"quick-hourly\",\"jobName\":\"test.quick\",\"frequency\":\"daily\"}");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("type").asText()).isEqualTo("CONFLICT");

    assertThat(api.get("/api/v1/jobs/schedules/quick-hourly", admin).data().get("jobName").asText())
        .isEqualTo("test.quick");
    Api.Reply edited =
        api.put(
            "/api/v1/jobs/schedules/quick-hourly",
            admin,
            "{\"frequency\":\"weekly on mon at 02:30\"}");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.data().get("frequency").asText()).isEqualTo("weekly on mon at 02:30");
    assertThat(
            api.post("/api/v1/jobs/schedules/quick-hourly/pause", admin, null)
                .data()
                .get("enabled")
                .asBoolean())
        .isFalse();
    assertThat(
            api.post("/api/v1/jobs/schedules/quick-hourly/resume", admin, null)
                .data()
                .get("enabled")
                .asBoolean())
        .isTrue();
    assertThat(api.delete("/api/v1/jobs/schedules/quick-hourly", admin).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/jobs/schedules/quick-hourly", admin).status()).isEqualTo(404);
  }

  @Test
  void originalUpdateChangesAJobsScheduleByJobName() {
    Api.Reply updated =
        api.put(
            "/api/v1/jobs/schedules",
            admin,
            "{\"jobName\":\"test.system\",\"frequency\":\"daily at 04:00\",\"enabled\":true}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.data().get("frequency").asText()).isEqualTo("daily at 04:00");
    assertThat(api.put("/api/v1/jobs/schedules", admin, "{\"jobName\":\"test.system\"}").status())
        .isEqualTo(400);
    api.put(
        "/api/v1/jobs/schedules",
        admin,
        "{\"jobName\":\"test.system\",\"frequency\":\"daily at 03:00\"}");
  }

  @Test
  void badScheduleInputIs400SayingWhatToChange() {
    Api.Reply invalid =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"jobName\":\"test.quick\",\"frequency\":\"sometimes\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("message").asText()).contains("every <n>s|m|h|d", "cron");
    assertThat(invalid.json().get("details").get("field").asText()).isEqualTo("frequency");

    Api.Reply unknownField =
        api.post(
            "/api/v1/jobs/schedules", admin, "{\"jobName\":\"test.quick\",\"frequncy\":\"daily\"}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.json().get("message").asText()).contains("frequncy", "frequency");

    Api.Reply mistyped =
        api.post(
            "/api/v1/jobs/schedules",
            admin,
            "{\"jobName\":\"test.quick\",\"frequency\":\"daily\",\"enabled\":\"yes\"}");
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.json().get("details").get("field").asText()).isEqualTo("enabled");

    Api.Reply malformed = api.post("/api/v1/jobs/schedules", admin, "{\"jobName\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("message").asText()).contains("not valid JSON");

    Api.Reply unknownJob =
        api.post("/api/v1/jobs/schedules", admin, "{\"jobName\":\"nope\",\"frequency\":\"daily\"}");
    assertThat(unknownJob.status()).isEqualTo(400);
    assertThat(unknownJob.json().get("message").asText()).contains("test.quick");
  }

  @Test
  void schedulePreviewGivesTheNextFireTimesInTheZoneAndTheParsersMessage() {
    Api.Reply preview =
        api.get(
            "/api/v1/jobs/schedule-preview?frequency=Daily%20at%2003:00&timeZone=Europe/Berlin",
            alice);
    assertThat(preview.status()).isEqualTo(200);
    JsonNode data = preview.data();
    assertThat(data.get("frequency").asText()).isEqualTo("daily at 03:00");
    assertThat(data.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(data.get("description").asText()).contains("03:00", "Europe/Berlin");
    List<java.time.OffsetDateTime> fires = new ArrayList<>();
    data.get("fireTimes").forEach(fire -> fires.add(java.time.OffsetDateTime.parse(fire.asText())));
    assertThat(fires).hasSize(5).isSorted();
    assertThat(fires)
        .allSatisfy(
            fire ->
                assertThat(
                        fire.atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin")).toLocalTime())
                    .isEqualTo(java.time.LocalTime.of(3, 0)));
    assertThat(fires.get(0).toInstant()).isAfter(java.time.Instant.now().minusSeconds(1));

    assertThat(
            api.get("/api/v1/jobs/schedule-preview?frequency=every%2015m&count=3", alice)
                .data()
                .get("fireTimes"))
        .hasSize(3);
    assertThat(
            api.get("/api/v1/jobs/schedule-preview?frequency=manual", alice)
                .data()
                .get("fireTimes"))
        .isEmpty();

    Api.Reply unreadable = api.get("/api/v1/jobs/schedule-preview?frequency=sometimes", alice);
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.json().get("details").get("field").asText()).isEqualTo("frequency");
    assertThat(unreadable.json().get("message").asText()).contains("sometimes", "cron");
    Api.Reply badZone =
        api.get("/api/v1/jobs/schedule-preview?frequency=daily&timeZone=Mars/Olympus", alice);
    assertThat(badZone.status()).isEqualTo(400);
    assertThat(badZone.json().get("details").get("field").asText()).isEqualTo("timeZone");
    assertThat(api.get("/api/v1/jobs/schedule-preview", alice).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/jobs/schedule-preview?frequency=daily&count=51", alice).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/jobs/schedule-preview?frequency=daily", null).status())
        .isEqualTo(401);
  }

  @Test
  void schedulesPageInNameOrderEachVisibleOnceAndOnlyTheirOwnToAUser() {
    String own =
        api.post(
                "/api/v1/jobs/schedules",
                alice,
                "{\"jobName\":\"test.quick\",\"frequency\":\"daily\",\"userID\":" + aliceId + "}")
            .data()
            .get("name")
            .asText();
    List<String> everything = names(api.get("/api/v1/jobs/schedules", admin).data());
    assertThat(everything).contains(own);

    assertThat(pagedNames(admin, 5)).isEqualTo(everything);
    List<String> bobs = pagedNames(bob, 3);
    assertThat(bobs).doesNotContain(own).contains("test.system");
    assertThat(bobs).isEqualTo(names(api.get("/api/v1/jobs/schedules", bob).data()));
    assertThat(api.get("/api/v1/jobs/schedules?limit=0", admin).status()).isEqualTo(400);
  }

  @Test
  void wholeListingsAreStreamedAcrossTheStorePagesAndEqualTheirPages() {
    long carolId =
        server
            .app()
            .users()
            .create("streamed-carol", null, Role.USER, true, server.app().clock().instant())
            .id();
    for (int i = 0; i <= StreamedList.PAGE_SIZE; i++) {
      server
          .app()
          .jobs()
          .createJobSchedule(
              JobSchedule.of("test.quick", JobType.USER, "manual")
                  .withName("test.quick.carol-" + i)
                  .withUserId(carolId));
      server
          .app()
          .users()
          .create("streamed-user-" + i, null, Role.USER, true, server.app().clock().instant());
    }

    Api.Reply schedules = api.get("/api/v1/jobs/schedules", admin);
    assertThat(schedules.status()).isEqualTo(200);
    List<String> everySchedule = names(schedules.data());
    assertThat(everySchedule).hasSizeGreaterThan(StreamedList.PAGE_SIZE).doesNotHaveDuplicates();
    assertThat(pagedNames(admin, 100)).isEqualTo(everySchedule);

    Api.Reply users = api.get("/api/v1/users", admin);
    assertThat(users.json().get("success").asBoolean()).isTrue();
    List<String> everyUser = names(users.data());
    assertThat(everyUser).hasSizeGreaterThan(StreamedList.PAGE_SIZE + 3).contains("streamed-carol");
    assertThat(pagedNames("/api/v1/users", admin, 100)).isEqualTo(everyUser);
  }

  @Test
  void usersPageInIdOrderForAnAdminOnly() {
    JsonNode first = api.get("/api/v1/users?limit=2", admin).json();
    assertThat(first.get("data")).hasSize(2);
    assertThat(first.get("pagination").get("limit").asInt()).isEqualTo(2);
    long cursor = first.get("pagination").get("nextCursor").asLong();
    assertThat(cursor).isEqualTo(first.get("data").get(1).get("id").asLong());
    JsonNode second = api.get("/api/v1/users?limit=2&after=" + cursor, admin).data();
    assertThat(second.get(0).get("id").asLong()).isGreaterThan(cursor);
    assertThat(pagedNames("/api/v1/users", admin, 1))
        .isEqualTo(names(api.get("/api/v1/users", admin).data()));
    assertThat(api.get("/api/v1/users?limit=101", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/users?limit=1", alice).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/users", alice).status()).isEqualTo(403);
  }

  /** Every page of the schedules {@code token} may see, {@code limit} at a time, in order. */
  List<String> pagedNames(String token, int limit) {
    return pagedNames("/api/v1/jobs/schedules", token, limit);
  }

  /** Every page of the list at {@code path} as {@code token} sees it, {@code limit} at a time. */
  List<String> pagedNames(String path, String token, int limit) {
    List<String> seen = new ArrayList<>();
    String after = "";
    while (true) {
      JsonNode page = api.get(path + "?limit=" + limit + after, token).json();
      assertThat(page.get("data").size()).isLessThanOrEqualTo(limit);
      seen.addAll(names(page.get("data")));
      JsonNode next = page.get("pagination").get("nextCursor");
      if (next.isNull()) {
        return seen;
      }
      after = "&after=" + next.asLong();
    }
  }

  @Test
  void usersScheduleTheirOwnWorkAndOnlyReadSystemSchedules() {
    Api.Reply own =
        api.post(
            "/api/v1/jobs/schedules",
            alice,
            "{\"jobName\":\"test.quick\",\"frequency\":\"daily\",\"userID\":" + aliceId + "}");
    assertThat(own.status()).isEqualTo(201);
    String name = own.data().get("name").asText();
    assertThat(own.data().get("userId").asLong()).isEqualTo(aliceId);
    assertThat(api.get("/api/v1/jobs/schedules/" + name, bob).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/jobs/schedules/" + name, bob).status()).isEqualTo(404);
    assertThat(names(api.get("/api/v1/jobs/schedules", bob).data()))
        .doesNotContain(name)
        .contains("test.system");
    assertThat(api.put("/api/v1/jobs/schedules/test.system", alice, "{\"enabled\":false}").status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/api/v1/jobs/schedules",
                    alice,
                    "{\"jobName\":\"test.quick\",\"frequency\":\"daily\",\"userId\":" + bobId + "}")
                .status())
        .isEqualTo(403);
    assertThat(api.delete("/api/v1/jobs/schedules/" + name, alice).status()).isEqualTo(200);
  }

  // Runs

  @Test
  void manualRunIs202WithLocationAndCompletes() throws Exception {
    Api.Reply started = api.post("/api/v1/jobs/test.quick/run", admin, "{\"items\":5}");
    assertThat(started.status()).isEqualTo(202);
    long id = started.data().get("id").asLong();
    assertThat(started.header("Location")).isEqualTo("/api/v1/jobs/runs/" + id);
    assertThat(started.data().get("parameters").asText()).isEqualTo("{\"items\":5}");
    JsonNode done = awaitRun(admin, id, "completed");
    assertThat(done.get("processedItems").asLong()).isEqualTo(5);
    assertThat(done.get("metadata").asText()).contains("\"counted\":5");
    assertThat(done.get("errorMessage").isNull()).isTrue();
    assertThat(
            api.get("/api/v1/jobs/runs/" + id + "/progress", admin).data().get("progress").asInt())
        .isEqualTo(100);
    assertThat(api.get("/api/v1/jobs/runs/" + id + "/logs", admin).data().toString())
        .contains("counted 5 items");
    assertThat(api.get("/metrics", null).text())
        .contains("suasor_job_runs_total{job=\"test.quick\",status=\"completed\"}");
  }

  @Test
  void manualRunRefusesUnknownJobsBusyJobsAndBadParameters() throws Exception {
    Api.Reply unknown = api.post("/api/v1/jobs/no.such.job/run", admin, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).contains("test.quick");

    assertThat(api.post("/api/v1/jobs/test.quick/run", admin, "[1,2]").status()).isEqualTo(400);
    assertThat(api.post("/api/v1/jobs/test.quick/run", admin, "{oops").status()).isEqualTo(400);

    gated.started = new java.util.concurrent.CountDownLatch(1);
    long id = api.post("/api/v1/jobs/test.gated/run", bob, null).data().get("id").asLong();
    Api.Reply busy = api.post("/api/v1/jobs/test.gated/run", bob, null);
    assertThat(busy.status()).isEqualTo(409);
    assertThat(busy.json().get("type").asText()).isEqualTo("CONFLICT");
    assertThat(ids(api.get("/api/v1/jobs/active", bob).data())).contains(id);
    assertThat(ids(api.get("/api/v1/jobs/active", alice).data())).doesNotContain(id);
    assertThat(gated.started.await(10, TimeUnit.SECONDS)).isTrue();
    Api.Reply cancel = api.post("/api/v1/jobs/runs/" + id + "/cancel", bob, null);
    assertThat(cancel.status()).isEqualTo(200);
    awaitRun(bob, id, "cancelled");
  }

  @Test
  void usersCannotSeeOrCancelOtherUsersRunsAndOnlyReadSystemRuns() throws Exception {
    long alices = api.post("/api/v1/jobs/test.quick/run", alice, null).data().get("id").asLong();
    awaitRun(alice, alices, "completed");
    long system = api.post("/api/v1/jobs/test.system/run", admin, null).data().get("id").asLong();
    awaitRun(admin, system, "completed");

    assertThat(api.get("/api/v1/jobs/runs/" + alices, bob).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/jobs/runs/" + alices + "/cancel", bob, null).status())
        .isEqualTo(404);
    assertThat(ids(api.get("/api/v1/jobs/runs?limit=100", bob).data()))
        .doesNotContain(alices)
        .contains(system);
    assertThat(api.get("/api/v1/jobs/runs?user=" + aliceId, bob).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/jobs/runs/" + system, bob).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/jobs/runs/" + system + "/cancel", bob, null).status())
        .isEqualTo(403);
    assertThat(api.post("/api/v1/jobs/test.system/run", bob, null).status()).isEqualTo(403);
    assertThat(ids(api.get("/api/v1/jobs/runs?limit=100", admin).data())).contains(alices, system);
  }

  @Test
  void runHistoryFiltersAndPagesWithACursor() throws Exception {
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long id =
          api.post("/api/v1/jobs/test.quick/run?userId=" + bobId, admin, null)
              .data()
              .get("id")
              .asLong();
      awaitRun(admin, id, "completed");
      created.add(id);
    }
    Api.Reply first =
        api.get(
            "/api/v1/jobs/runs?job=test.quick&user=" + bobId + "&status=completed&limit=2", bob);
    assertThat(ids(first.data())).containsExactly(created.get(2), created.get(1));
    long cursor = first.json().get("pagination").get("nextCursor").asLong();
    Api.Reply second =
        api.get(
            "/api/v1/jobs/runs?job=test.quick&userID=" + bobId + "&limit=2&before=" + cursor, bob);
    assertThat(ids(second.data())).startsWith(created.get(0));
    assertThat(
            api.get("/api/v1/jobs/runs?from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z", admin)
                .data())
        .isEmpty();
  }

  @Test
  void badRunQueriesAre400() {
    for (String query :
        List.of(
            "limit=-1",
            "limit=0",
            "limit=101",
            "limit=99999999999",
            "limit=ten",
            "status=sleeping",
            "from=yesterday",
            "before=abc",
            "user=-3")) {
      Api.Reply reply = api.get("/api/v1/jobs/runs?" + query, admin);
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.json().get("type").asText()).as(query).isEqualTo("VALIDATION_ERROR");
    }
    assertThat(api.get("/api/v1/jobs/runs/abc", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/jobs/runs/-1/progress", admin).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/jobs/runs/999999", admin).status()).isEqualTo(404);
  }

  @Test
  void oversizedBodiesAre413() {
    String big = "{\"name\":\"" + "x".repeat(100 * 1024) + "\"}";
    Api.Reply reply = api.post("/api/v1/users", admin, big);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("type").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(api.post("/api/v1/jobs/test.quick/run", admin, big).status()).isEqualTo(413);
  }

  // Accounts

  @Test
  void adminsManageUsersAndTokensAndUsersCannot() {
    assertThat(api.get("/api/v1/users", alice).status()).isEqualTo(403);
    assertThat(api.post("/api/v1/tokens", alice, "{\"userId\":" + aliceId + "}").status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/users/me", alice).data().get("name").asText()).isEqualTo("alice");
    assertThat(names(api.get("/api/v1/users", admin).data())).contains("admin", "alice", "bob");

    long carol = api.post("/api/v1/users", admin, "{\"name\":\"carol\"}").data().get("id").asLong();
    assertThat(api.post("/api/v1/users", admin, "{\"name\":\"carol\"}").status()).isEqualTo(409);
    Api.Reply issued = api.post("/api/v1/tokens", admin, "{\"userId\":" + carol + "}");
    String token = issued.data().get("token").asText();
    assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/tokens", admin).text()).doesNotContain(token);
    assertThat(api.delete("/api/v1/tokens/" + issued.data().get("id").asLong(), admin).status())
        .isEqualTo(200);
    assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(401);
  }

  @Test
  void aDeactivatedUsersTokensAreRefusedUntilTheUserIsActiveAgain() {
    long dan = api.post("/api/v1/users", admin, "{\"name\":\"dan\"}").data().get("id").asLong();
    String token = token(dan);
    assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);

    Api.Reply off = api.put("/api/v1/users/" + dan, admin, "{\"active\":false}");

    assertThat(off.status()).isEqualTo(200);
    assertThat(off.data().get("active").asBoolean()).isFalse();
    assertThat(off.data().get("name").asText()).isEqualTo("dan");
    assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(401);
    assertThat(api.put("/api/v1/users/" + dan, admin, "{\"active\":true}").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
    assertThat(api.put("/api/v1/users/999999", admin, "{\"active\":false}").status())
        .isEqualTo(404);
  }

  // Live events

  @Test
  void eventStreamDeliversARunningJobsProgress() throws Exception {
    Api.EventLines stream = api.events(alice);
    assertThat(stream.status()).isEqualTo(200);
    BufferedReader lines = stream.lines();
    assertThat(lines.readLine()).startsWith(":");
    gated.started = new java.util.concurrent.CountDownLatch(1);
    long id = api.post("/api/v1/jobs/test.gated/run", alice, null).data().get("id").asLong();
    // Its own thread: the common pool has one worker on two cores, which other work may hold.
    ExecutorService reader = Executors.newSingleThreadExecutor();
    CompletableFuture<List<String>> events =
        CompletableFuture.supplyAsync(
            () -> {
              // Only this run's events: the server also fires its own system jobs when it starts.
              List<String> seen = new ArrayList<>();
              try {
                String line;
                String type = null;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("event: ")) {
                    type = line.substring(7);
                  } else if (line.startsWith("data: ") && type != null) {
                    if (Json.mapper().readTree(line.substring(6)).path("runId").asLong() == id) {
                      seen.add(type);
                      if (type.equals("run.finished")) {
                        break;
                      }
                    }
                    type = null;
                  }
                }
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return seen;
            },
            reader);
    assertThat(gated.started.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < TestJobs.Gated.ITEMS; i++) {
      gated.permits.release();
      awaitProgress(id, (i + 1) * 100 / TestJobs.Gated.ITEMS);
    }
    List<String> seen;
    try {
      seen = events.get(15, TimeUnit.SECONDS);
    } finally {
      stream.close();
      reader.shutdownNow();
    }
    assertThat(seen).contains("run.created", "run.started", "run.progress", "run.finished");
    assertThat(seen.indexOf("run.progress")).isLessThan(seen.indexOf("run.finished"));
  }

  // Helpers

  JsonNode awaitRun(String token, long id, String status) throws InterruptedException {
    return api.awaitRun(
        token,
        id,
        "run " + id + " to become " + status,
        run -> run.get("status").asText().equals(status));
  }

  private void awaitProgress(long id, int atLeast) throws InterruptedException {
    api.awaitRun(
        admin,
        id,
        "run " + id + " to reach " + atLeast + "%",
        run -> run.get("progress").asInt() >= atLeast || !run.get("endTime").isNull());
  }

  static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
    for (JsonNode node : array) {
      if (test.test(node)) {
        return node;
      }
    }
    throw new AssertionError("not found in " + array);
  }

  static List<Long> ids(JsonNode array) {
    List<Long> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asLong()));
    return ids;
  }

  static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.get("name").asText()));
    return names;
  }
}
