package io.suasor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.testing.Await;
import io.suasor.media.jobs.MetadataRefreshJob;
import io.suasor.media.metadata.tmdb.TmdbSettings;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.notify.UpcomingRelease;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.Json;
import io.suasor.media.store.NewItem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application builds TMDB's client from its configuration and offers the release calendar; TMDB
 * is played by a loopback server answering {@code /genre/movie/list} and the film lists in the
 * shapes of TMDB's OpenAPI description.
 */
class TmdbWiringTest {
  @TempDir Path dir;
  private HttpServer tmdb;
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    tmdb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tmdb.createContext(
        "/3/",
        exchange -> {
          asked.add(exchange.getRequestURI().toString());
          String path = exchange.getRequestURI().getPath();
          if (exchange.getRequestURI().getQuery().contains("query=Broken")) {
            byte[] refused =
                "{\"success\":false,\"status_code\":22,\"status_message\":\"Invalid page\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, refused.length);
            exchange.getResponseBody().write(refused);
            exchange.close();
            return;
          }
          String body =
              path.equals("/3/genre/movie/list")
                  ? "{\"genres\":[{\"id\":878,\"name\":\"Science Fiction\"}]}"
                  : path.equals("/3/movie/upcoming")
                      ? "{\"dates\":{\"maximum\":\"2026-03-20\",\"minimum\":\"2026-03-01\"},"
                          + "\"page\":1,\"results\":[{\"adult\":false,\"genre_ids\":[878],"
                          + "\"id\":1,\"original_title\":\"Arrival II\",\"overview\":\"\","
                          + "\"poster_path\":null,\"release_date\":\"2026-03-05\","
                          + "\"title\":\"Arrival II\",\"video\":false,\"vote_average\":0,"
                          + "\"vote_count\":0}],\"total_pages\":1,\"total_results\":1}"
                      : "{\"page\":1,\"results\":[],\"total_pages\":1,\"total_results\":0}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    tmdb.start();
  }

  @AfterEach
  void stop() {
    tmdb.stop(0);
  }

  @Test
  void aConfiguredKeyGivesAReleaseCalendarThatAsksTmdbWithIt() {
    String url = "http://127.0.0.1:" + tmdb.getAddress().getPort() + "/3";
    try (Application app =
        Application.open(
            TestServer.sqlite(dir)
                .withTmdb(Optional.of(TmdbSettings.of(url, "f3a9c2e41b7d4c0e", null))),
            List.of())) {
      List<UpcomingRelease> films =
          app.releaseCalendar()
              .orElseThrow()
              .movies(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14));

      assertThat(films).extracting(UpcomingRelease::title).containsExactly("Arrival II");
      assertThat(films.get(0).genres()).containsExactly("Science Fiction");
      assertThat(asked).allMatch(uri -> uri.contains("api_key=f3a9c2e41b7d4c0e"));
    }
  }

  @Test
  void theMetadataRefreshAsksTmdbWhenAKeyIsConfigured() throws Exception {
    String url = "http://127.0.0.1:" + tmdb.getAddress().getPort() + "/3";
    TestServer.Started server =
        TestServer.start(
            TestServer.sqlite(dir)
                .withTmdb(Optional.of(TmdbSettings.of(url, "f3a9c2e41b7d4c0e", null))),
            List.of());
    try {
      TestServer.pauseAndSettle(server, MetadataRefreshJob.NAME);
      new ItemStore(server.app().database())
          .insert(
              new NewItem(
                  MediaType.MOVIE,
                  ItemMetadata.titled("Arrival", 2016),
                  null,
                  null,
                  Numbering.NONE),
              Instant.now());
      asked.clear();

      long id = server.app().jobs().runJobManually(MetadataRefreshJob.NAME).id();
      Await.until(
          "the metadata refresh to end",
          Duration.ofSeconds(20),
          () -> server.app().jobs().getJobRunById(id).orElseThrow().status().isTerminal());

      JobRun run = server.app().jobs().getJobRunById(id).orElseThrow();
      assertThat(run.status()).isEqualTo(JobStatus.COMPLETED);
      JsonNode statistics = Json.mapper().readTree(run.metadata());
      assertThat(statistics.path("tmdbUsed").asBoolean()).isTrue();
      assertThat(statistics.path("tmdbNotFound").asLong()).isEqualTo(1);
      assertThat(statistics.path("tmdbRequests").asLong()).isEqualTo(1);
      assertThat(asked).singleElement().asString().startsWith("/3/search/movie?query=Arrival");
      assertThat(run.statusMessage()).contains("TMDB: 1 request, 0 matched, 1 not found");

      // TMDB failing for an item fails the run, which still reports what it did.
      new ItemStore(server.app().database())
          .insert(
              new NewItem(
                  MediaType.MOVIE, ItemMetadata.titled("Broken", 2020), null, null, Numbering.NONE),
              Instant.now());
      long failing = server.app().jobs().runJobManually(MetadataRefreshJob.NAME).id();
      Await.until(
          "the failing metadata refresh to end",
          Duration.ofSeconds(20),
          () -> server.app().jobs().getJobRunById(failing).orElseThrow().status().isTerminal());
      JobRun failed = server.app().jobs().getJobRunById(failing).orElseThrow();
      assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
      assertThat(failed.errorMessage()).contains("TMDB failed for 1 item");
      assertThat(Json.mapper().readTree(failed.metadata()).path("tmdbFailed").asLong())
          .isEqualTo(1);
    } finally {
      server.app().close();
    }
  }

  @Test
  void withoutAKeyThereIsNoCalendar() {
    try (Application app = Application.open(TestServer.sqlite(dir), List.of())) {
      assertThat(app.releaseCalendar()).isEmpty();
    }
  }
}
