package io.suasor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.server.Application;
import io.suasor.server.TestJobs;
import io.suasor.server.TestServer;
import io.suasor.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server's event stream shows the runs another node executes on the same PostgreSQL. */
class PostgresClusterEventsTest {
  @TempDir Path dataDir;

  @Test
  void theEventStreamFollowsARunOfAnotherNode() throws Exception {
    ServerConfig config = TestServer.postgres(dataDir);
    TestServer.Started serving = TestServer.start(config, TestJobs.all(new TestJobs.Gated()));
    TestJobs.Gated elsewhere = new TestJobs.Gated();
    ScheduledExecutorService supervision = Executors.newSingleThreadScheduledExecutor();
    try (Application server = serving.app();
        Application other = Application.open(config, TestJobs.all(elsewhere))) {
      Api api = new Api(serving.port());
      HttpResponse<InputStream> stream =
          api.client.send(
              HttpRequest.newBuilder(URI.create(api.base + "/api/v1/jobs/events"))
                  .header("Authorization", "Bearer " + serving.adminToken())
                  .header("Accept", "text/event-stream")
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
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
      CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> read(lines));
      assertThat(other.engine().executeNow(run.id())).isPresent();
      supervision.scheduleWithFixedDelay(
          () -> other.engine().supervise(), 0, 50, TimeUnit.MILLISECONDS);
      assertThat(elsewhere.started.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < TestJobs.Gated.ITEMS; i++) {
        elsewhere.permits.release();
        Thread.sleep(600);
      }

      List<String> seen = events.get(20, TimeUnit.SECONDS);
      stream.body().close();
      assertThat(seen).containsSubsequence("run.started", "run.progress", "run.finished");
      assertThat(seen).containsOnlyOnce("run.finished");
      assertThat(server.jobs().getJobRunById(run.id()).orElseThrow().nodeId())
          .isEqualTo(other.engine().settings().nodeId());
    } finally {
      supervision.shutdownNow();
    }
  }

  private static List<String> read(BufferedReader lines) {
    List<String> seen = new ArrayList<>();
    try {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event: ")) {
          seen.add(line.substring(7));
        }
        if (line.startsWith("event: run.finished")) {
          break;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return seen;
  }
}
