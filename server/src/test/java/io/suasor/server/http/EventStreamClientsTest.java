package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.ProgressSnapshot;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  @Test
  void everyClientConnectingDuringAFloodOfEventsReceivesThem(@TempDir Path dataDir)
      throws Exception {
    TestJobs.Gated gated = new TestJobs.Gated();
    TestServer.Started server = TestServer.start(TestServer.sqlite(dataDir), TestJobs.all(gated));
    ExecutorService readers = Executors.newSingleThreadExecutor();
    AtomicBoolean pumping = new AtomicBoolean(true);
    Thread pump = null;
    try {
      Api api = new Api(server.port());
      String admin = server.adminToken();
      gated.started = new CountDownLatch(1);
      long id = api.post("/api/v1/jobs/test.gated/run", admin, null).data().get("id").asLong();
      assertThat(gated.started.await(10, TimeUnit.SECONDS)).isTrue();
      EventStream events = server.app().events();
      pump =
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
      for (int client = 0; client < CLIENTS; client++) {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(api.base + "/api/v1/jobs/events"))
                .header("Authorization", "Bearer " + admin)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> stream =
            api.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
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
        try {
          String[] read = opening.get(10, TimeUnit.SECONDS);
          assertThat(read[0]).as("client %d's first line", client).startsWith(":");
          assertThat(read[1])
              .as("client %d's first event", client)
              .isEqualTo("event: run.progress");
        } finally {
          stream.body().close();
        }
      }
    } finally {
      pumping.set(false);
      if (pump != null) {
        pump.join();
      }
      gated.permits.release(TestJobs.Gated.ITEMS);
      readers.shutdownNow();
      server.app().close();
    }
  }

  @Test
  void aRunSeenStartingBeforeItsAnnouncementIsAnnouncedOnceAndFirst(@TempDir Path dataDir)
      throws Exception {
    TestJobs.Gated gated = new TestJobs.Gated();
    TestServer.Started server = TestServer.start(TestServer.sqlite(dataDir), TestJobs.all(gated));
    ExecutorService readers = Executors.newSingleThreadExecutor();
    try {
      Api api = new Api(server.port());
      String admin = server.adminToken();
      // Created and started while nobody listens, so the stream has not announced it.
      gated.started = new CountDownLatch(1);
      long id = api.post("/api/v1/jobs/test.gated/run", admin, null).data().get("id").asLong();
      assertThat(gated.started.await(10, TimeUnit.SECONDS)).isTrue();
      JobRun run = server.app().jobs().getJobRunById(id).orElseThrow();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(api.base + "/api/v1/jobs/events"))
              .header("Authorization", "Bearer " + admin)
              .header("Accept", "text/event-stream")
              .build();
      HttpResponse<InputStream> stream =
          api.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).startsWith(":");
      // As when the engine starts a run before the thread that created it announces it.
      server.app().events().onEvent(new JobEvent.RunStarted(run));
      server.app().events().onEvent(new JobEvent.RunCreated(run));
      gated.permits.release(TestJobs.Gated.ITEMS);
      Future<List<String>> types =
          readers.submit(
              () -> {
                List<String> seen = new ArrayList<>();
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.startsWith("event: ")) {
                    seen.add(line.substring(7));
                    if (line.equals("event: run.finished")) {
                      break;
                    }
                  }
                }
                return seen;
              });
      try {
        assertThat(types.get(20, TimeUnit.SECONDS))
            .filteredOn(type -> !type.equals("run.progress"))
            .containsExactly("run.created", "run.started", "run.finished");
      } finally {
        stream.body().close();
      }
    } finally {
      gated.permits.release(TestJobs.Gated.ITEMS);
      readers.shutdownNow();
      server.app().close();
    }
  }
}
