package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.media.store.Json;
import io.suasor.server.Application;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import io.suasor.server.ThreadDumpOnFailure;
import io.suasor.server.config.ServerConfig;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A server's event stream shows the runs another node executes on the same PostgreSQL. */
@ExtendWith(ThreadDumpOnFailure.class)
class PostgresClusterEventsTest {
  @TempDir Path dataDir;

  @Test
  void theEventStreamFollowsARunOfAnotherNode() throws Exception {
    ServerConfig config = TestServer.postgres(dataDir);
    TestServer.Started serving = TestServer.start(config, TestJobs.all(new TestJobs.Gated()));
    TestJobs.Gated elsewhere = new TestJobs.Gated();
    ScheduledExecutorService supervision = Executors.newSingleThreadScheduledExecutor();
    // Its own thread: the common pool has one worker on two cores, which other work may hold.
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try (Application server = serving.app();
        Application other = Application.open(config, TestJobs.all(elsewhere))) {
      Api api = new Api(serving.port());
      Api.EventLines stream = api.events(serving.adminToken());
      BufferedReader lines = stream.lines();
      assertThat(lines.readLine()).startsWith(":");

      // Due in an hour, so that the serving node leaves it alone; the other node runs it now.
      JobRun run =
          other
              .engine()
              .repository()
              .createJobRun(
                  NewRun.of(
                      "test.gated", JobType.USER, Trigger.MANUAL, Instant.now().plusSeconds(3600)),
                  Instant.now());
      // Each step waits for the stream to show the one before, so that no state of the run can
      // come and go between two reads of the feed, however slow the machine.
      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      // Only this run's events: the server also fires its own system jobs when it starts.
      CompletableFuture<Void> reading =
          CompletableFuture.runAsync(() -> read(lines, run.id(), events), reader);
      System.out.println("test: executing the run on the other node");
      assertThat(other.engine().executeNow(run.id())).isPresent();
      System.out.println("test: the other node executes it");
      supervision.scheduleWithFixedDelay(
          () -> other.engine().supervise(), 0, 50, TimeUnit.MILLISECONDS);
      assertThat(elsewhere.started.await(10, TimeUnit.SECONDS)).isTrue();
      System.out.println("test: the job started");
      List<String> seen = new ArrayList<>();
      awaitEvent(events, seen, "run.started");
      elsewhere.permits.release();
      awaitEvent(events, seen, "run.progress");
      elsewhere.permits.release(TestJobs.Gated.ITEMS - 1);
      awaitEvent(events, seen, "run.finished");
      reading.get(20, TimeUnit.SECONDS);
      stream.close();
      assertThat(seen).containsSubsequence("run.started", "run.progress", "run.finished");
      assertThat(seen).containsOnlyOnce("run.finished");
      assertThat(server.jobs().getJobRunById(run.id()).orElseThrow().nodeId())
          .isEqualTo(other.engine().settings().nodeId());
    } finally {
      supervision.shutdownNow();
      reader.shutdownNow();
    }
  }

  /** Takes events until {@code wanted} arrives, adding each to {@code seen}. */
  private static void awaitEvent(BlockingQueue<String> events, List<String> seen, String wanted)
      throws InterruptedException {
    while (true) {
      String event = events.poll(20, TimeUnit.SECONDS);
      if (event == null) {
        System.out.println(ThreadDumpOnFailure.dump("no " + wanted + " after " + seen));
      }
      assertThat(event).as("the event stream's next event, waiting for " + wanted).isNotNull();
      seen.add(event);
      if (event.equals(wanted)) {
        return;
      }
    }
  }

  /** Queues the types of the events of run {@code runId}, until its run.finished. */
  private static void read(BufferedReader lines, long runId, BlockingQueue<String> events) {
    try {
      String line;
      String type = null;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ") && type != null) {
          long id = Json.mapper().readTree(line.substring(6)).path("runId").asLong(-1);
          if (id == runId) {
            events.add(type);
            if (type.equals("run.finished")) {
              return;
            }
          }
          type = null;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
