package io.suasor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.store.TokenStore;
import io.suasor.server.Application;
import io.suasor.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's history endpoints on the big database: the real application started in this JVM on a
 * loopback port, driven with {@code java.net.http} one request at a time, as an admin (who sees
 * every run, so no filter is added for them). On PostgreSQL at a JDBC URL, or on the SQLite file
 * {@code suasor.db} of the data folder, as {@code suasor serve} finds it.
 */
final class ApiLatency implements AutoCloseable {
  record Latency(String endpoint, double p50, double p99, double max) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Application app;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  static ApiLatency postgres(String jdbcUrl, Path dataDir) {
    return new ApiLatency(Optional.of(jdbcUrl), dataDir);
  }

  static ApiLatency sqlite(Path dataDir) {
    return new ApiLatency(Optional.empty(), dataDir);
  }

  private ApiLatency(Optional<String> jdbcUrl, Path dataDir) {
    ServerConfig config = ServerProcess.config(jdbcUrl, dataDir, 0);
    app = Application.open(config, List.of());
    app.serve(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    base = "http://127.0.0.1:" + app.http().orElseThrow().port();
    long admin =
        app.database()
            .read(
                "find the admin",
                c ->
                    Jdbc.queryOne(
                            c,
                            "SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1",
                            r -> r.getLong(1))
                        .orElseThrow());
    token = new TokenStore(app.database()).issue(admin, "history bench", Instant.now()).secret();
  }

  /** Where the server answers, such as {@code http://127.0.0.1:40123}. */
  String base() {
    return base;
  }

  /** The application under measurement. */
  Application app() {
    return app;
  }

  /** The admin's token the requests carry. */
  String token() {
    return token;
  }

  /**
   * The endpoints the issue names, each as a path: every filter of the history, the first page and
   * the 1,000th (its cursor found by walking 999 pages first), the overview and the active runs.
   */
  Map<String, String> endpoints(Instant now) throws Exception {
    Instant dayStart = now.minus(Duration.ofDays(200));
    Map<String, String> paths = new LinkedHashMap<>();
    paths.put("runs, page 1 (no filter)", "/api/v1/jobs/runs?limit=50");
    paths.put("runs ?job=", "/api/v1/jobs/runs?limit=50&job=system.media.sync");
    paths.put("runs ?status=failed", "/api/v1/jobs/runs?limit=50&status=failed");
    paths.put("runs ?status=cancelled", "/api/v1/jobs/runs?limit=50&status=cancelled");
    paths.put("runs ?status=running", "/api/v1/jobs/runs?limit=50&status=running");
    paths.put("runs ?status=pending", "/api/v1/jobs/runs?limit=50&status=pending");
    paths.put("runs ?user=", "/api/v1/jobs/runs?limit=50&user=4242");
    paths.put(
        "runs ?from=&to= (one day, 200 days ago)",
        "/api/v1/jobs/runs?limit=50&from=" + dayStart + "&to=" + dayStart.plus(Duration.ofDays(1)));
    paths.put(
        "runs ?job=&status=failed",
        "/api/v1/jobs/runs?limit=50&job=system.recommendation&status=failed");
    paths.put("runs page 1,000 (cursor)", "/api/v1/jobs/runs?limit=50&before=" + cursorAt(1000));
    paths.put("jobs overview", "/api/v1/jobs");
    paths.put("jobs active", "/api/v1/jobs/active");
    return paths;
  }

  /** Times {@code requests} GETs of {@code path} after {@code requests / 10} not timed. */
  Latency measure(String endpoint, String path, int requests) throws Exception {
    for (int i = 0; i < Math.max(5, requests / 10); i++) {
      get(path);
    }
    long[] micros = new long[requests];
    for (int i = 0; i < requests; i++) {
      long began = System.nanoTime();
      get(path);
      micros[i] = (System.nanoTime() - began) / 1_000;
    }
    Arrays.sort(micros);
    return new Latency(
        endpoint,
        ContenderMain.percentile(micros, 50) / 1e3,
        ContenderMain.percentile(micros, 99) / 1e3,
        micros[micros.length - 1] / 1e3);
  }

  private long cursorAt(int page) throws Exception {
    String path = "/api/v1/jobs/runs?limit=50";
    long cursor = 0;
    for (int i = 1; i < page; i++) {
      JsonNode next = get(path + (cursor == 0 ? "" : "&before=" + cursor)).at("/pagination");
      cursor = next.get("nextCursor").asLong();
    }
    return cursor;
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    app.close();
  }
}
