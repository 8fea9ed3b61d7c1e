package io.suasor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.suasor.media.metadata.tmdb.TmdbSettings;
import io.suasor.media.notify.UpcomingRelease;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  void withoutAKeyThereIsNoCalendar() {
    try (Application app = Application.open(TestServer.sqlite(dir), List.of())) {
      assertThat(app.releaseCalendar()).isEmpty();
    }
  }
}
