package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.ProgressSnapshot;
import io.suasor.media.store.Json;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that connect to the event stream while events flow: each must get the stream's opening
 * comment and then events, never a stream that stays open and silent. A client used to be greeted
 * from the HTTP thread while the sender thread wrote an event to it, and Javalin writes a comment
 * without the lock it takes for an event.
 */
class EventStreamClientsTest {
  private static final int CLIENTS = 40;

  private final TestJobs.Gated gated = new TestJobs.Gated();
  private final ExecutorService readers = Executors.newSingleThreadExecutor();
  private TestServer.Started server;
  private Api api;
  private String admin;

  @BeforeEach
  void start(@TempDir Path dataDir) {
    server = TestServer.start(TestServer.sqlite(dataDir), TestJobs.all(gated));
    api = new Api(server.port());
    admin = server.adminToken();
  }

  @AfterEach
  void stop() {
    gated.permits.release(TestJobs.Gated.ITEMS);
    readers.shutdownNow();
    server.app().close();
  }

  /** Starts a gated run, created and started while this test's clients do not listen yet. */
  private long gatedRun() throws InterruptedException {
    gated.started = new CountDownLatch(1);
    long id = api.post("/api/v1/jobs/test.gated/run", admin, null).data().get("id").asLong();
    assertThat(gated.started.await(10, TimeUnit.SECONDS)).isTrue();
    return id;
  }

  @Test
  void everyClientConnectingDuringAFloodOfEventsReceivesThem() throws Exception {
    long id = gatedRun();
    EventStream events = server.app().events();
    AtomicBoolean pumping = new AtomicBoolean(true);
    Thread pump =
        new Thread(
            () -> {
              int n = 0;
              while (pumping.get()) {
                ProgressSnapshot progress = new ProgressSnapshot(0, 3, 0, "tick " + n++, "{}");
                events.onEvent(new JobEvent.RunProgress(id, "test.gated", progress));
                LockSupport.parkNanos(100_000);
              }
            },
            "event-pump");
    pump.start();
    try {
      for (int client = 0; client < CLIENTS; client++) {
        try (Api.EventLines stream = api.events(admin)) {
          BufferedReader lines = stream.lines();
          Future<String[]> opening =
              readers.submit(
                  () -> {
                    String first = lines.readLine();
                    String line;
                    while ((line = lines.readLine()) != null && !line.startsWith("event: ")) {
                      // data lines and blank separators of nothing yet
                    }
                    return new String[] {first, line};
                  });
          String[] read = opening.get(10, TimeUnit.SECONDS);
          assertThat(read[0]).as("client %d's first line", client).startsWith(":");
          // The pumped progress, or an event of one of the server's own start-up runs.
          assertThat(read[1]).as("client %d's first event", client).startsWith("event: run.");
        }
      }
    } finally {
      pumping.set(false);
      pump.join();
    }
  }

  @Test
  void aRunSeenStartingBeforeItsAnnouncementIsAnnouncedOnceAndFirst() throws Exception {
    JobRun run = server.app().jobs().getJobRunById(gatedRun()).orElseThrow();
    try (Api.EventLines stream = api.events(admin)) {
      BufferedReader lines = stream.lines();
      assertThat(lines.readLine()).startsWith(":");
      // As when the engine starts a run before the thread that created it announces it.
      server.app().events().onEvent(new JobEvent.RunStarted(run));
      server.app().events().onEvent(new JobEvent.RunCreated(run));
      gated.permits.release(TestJobs.Gated.ITEMS);
      Future<List<String>> types =
          readers.submit(
              () -> {
                // Only this run's events: the server's own start-up runs report too.
                List<String> seen = new ArrayList<>();
                String line;
                String type = null;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("event: ")) {
                    type = line.substring(7);
                  } else if (line.startsWith("data: ") && type != null) {
                    if (Json.mapper().readTree(line.substring(6)).path("runId").asLong()
                        == run.id()) {
                      seen.add(type);
                      if (type.equals("run.finished")) {
                        break;
                      }
                    }
                    type = null;
                  }
                }
                return seen;
              });
      assertThat(types.get(20, TimeUnit.SECONDS))
          .filteredOn(type -> !type.equals("run.progress"))
          .containsExactly("run.created", "run.started", "run.finished");
    }
  }

  @Test
  void theStreamTakesItsTokenOnlyFromTheHeaderNeverFromTheUrl() {
    Api.Reply reply = api.get("/api/v1/jobs/events?access_token=" + admin, null);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void aHeartbeatReachesEveryClientAndEndsTheStreamOfARevokedToken() throws Exception {
    long userId =
        api.post("/api/v1/users", admin, "{\"name\":\"carol\"}").data().get("id").asLong();
    Api.Reply issued = api.post("/api/v1/tokens", admin, "{\"userId\":" + userId + "}");
    String token = issued.data().get("token").asText();
    try (Api.EventLines mine = api.events(token);
        Api.EventLines admins = api.events(admin)) {
      assertThat(mine.lines().readLine()).startsWith(":");
      assertThat(admins.lines().readLine()).startsWith(":");

      server.app().events().heartbeat();
      assertThat(nextComment(mine.lines())).isEqualTo(": heartbeat");
      assertThat(nextComment(admins.lines())).isEqualTo(": heartbeat");

      long tokenId = issued.data().get("id").asLong();
      assertThat(api.delete("/api/v1/tokens/" + tokenId, admin).status()).isEqualTo(200);
      server.app().events().heartbeat();

      // Events of the server's own start-up runs may still come before the end.
      Future<Boolean> ended =
          readers.submit(
              () -> {
                while (mine.lines().readLine() != null) {
                  // read on to the end
                }
                return true;
              });
      assertThat(ended.get(10, TimeUnit.SECONDS)).as("the revoked token's stream ends").isTrue();
      assertThat(nextComment(admins.lines())).isEqualTo(": heartbeat");
      try (Api.EventLines refused = api.events(token)) {
        assertThat(refused.status()).isEqualTo(401);
      }
    }
  }

  /** The next comment line of a stream, skipping events; fails after ten seconds. */
  private String nextComment(BufferedReader lines) throws Exception {
    Future<String> comment =
        readers.submit(
            () -> {
              String line;
              while ((line = lines.readLine()) != null && !line.startsWith(":")) {
                // events of the server's own start-up runs
              }
              return line;
            });
    return comment.get(10, TimeUnit.SECONDS);
  }
}
