package io.suasor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@link MemoryBench} asks of the server, phase by phase, as an admin over HTTP one request at
 * a time: the overview, the dashboard's first screen, every page of the schedules and of the users,
 * pages of the run history, schedules created and changed (the chain check), schedules firing, and
 * the whole lists as the original's clients read them. Each phase checks what it got.
 */
final class MemorySequence {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String token;
  private final String jdbcUrl;

  MemorySequence(String base, String token, String jdbcUrl) {
    this.base = base;
    this.token = token;
    this.jdbcUrl = jdbcUrl;
  }

  void overview() throws Exception {
    for (int i = 0; i < 20; i++) {
      get("/api/v1/jobs");
      get("/api/v1/jobs/active");
    }
  }

  /** What the dashboard's first screen (the jobs) asks for when an admin signs in, ten times. */
  void dashboardFirstScreen() throws Exception {
    for (int i = 0; i < 10; i++) {
      fetch("/");
      get("/api/v1/users/me");
      get("/api/v1/users?limit=100");
      get("/api/v1/notifications?limit=1");
      get("/api/v1/jobs");
      get("/api/v1/jobs/schedules?limit=50");
    }
  }

  /**
   * Every page of {@code path} ({@code limit=100}, {@code after} the previous page's cursor);
   * returns the items. A server that does not page answers the whole list at once, its last page.
   */
  long everyPage(String path) throws Exception {
    long items = 0;
    String after = "";
    while (true) {
      JsonNode page = get(path + "?limit=100" + after);
      items += page.get("data").size();
      JsonNode next = page.path("pagination").path("nextCursor");
      if (next.isMissingNode() || next.isNull()) {
        return items;
      }
      after = "&after=" + next.asLong();
    }
  }

  /** A thousand pages of the history back from the newest, then each filter's first page. */
  void runHistory() throws Exception {
    long before = 0;
    for (int i = 0; i < 1000; i++) {
      JsonNode page = get("/api/v1/jobs/runs?limit=50" + (before == 0 ? "" : "&before=" + before));
      before = page.get("pagination").get("nextCursor").asLong();
    }
    for (String filter :
        new String[] {
          "job=system.recommendation", "status=failed", "user=4242", "job=system.media.sync"
        }) {
      for (int i = 0; i < 20; i++) {
        get("/api/v1/jobs/runs?limit=50&" + filter);
      }
    }
  }

  /**
   * Twenty schedules created for users, half of them chained after another job, each then changed
   * (so that every save runs the cycle check), one cycle refused, and all deleted again.
   */
  void scheduleChanges() throws Exception {
    String job = MemoryData.PER_USER.get(1).job();
    String followed = MemoryData.PER_USER.get(0).job();
    for (int i = 0; i < 20; i++) {
      String frequency = i % 2 == 0 ? "daily at 05:00" : "daily at 05:00 or after " + followed;
      send(
          "POST",
          "/api/v1/jobs/schedules",
          "{\"name\":\"bench.%d\",\"jobName\":\"%s\",\"frequency\":\"%s\",\"userId\":%d}"
              .formatted(i, job, frequency, 1000 + i),
          201);
      String changed = i % 2 == 0 ? "weekly" : "weekly or after " + followed;
      send(
          "PUT",
          "/api/v1/jobs/schedules/bench." + i,
          "{\"frequency\":\"%s\"}".formatted(changed),
          200);
    }
    send(
        "POST",
        "/api/v1/jobs/schedules",
        "{\"name\":\"bench.cycle\",\"jobName\":\"%s\",\"frequency\":\"after %s\"}"
            .formatted(job, job),
        400);
    for (int i = 0; i < 20; i++) {
      send("DELETE", "/api/v1/jobs/schedules/bench." + i, null, 200);
    }
  }

  /**
   * Makes {@code count} users' schedules due two seconds ahead and waits until each has run and
   * every run ended; returns the runs made.
   */
  long firing(int count, Duration timeout) throws Exception {
    long lastRun = MemoryData.makeDue(jdbcUrl, count, Instant.now().plusSeconds(2));
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      long[] runs = MemoryData.runsSince(jdbcUrl, lastRun);
      if (runs[1] >= count && runs[0] == 0) {
        return runs[1];
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(count + " due schedules did not all run within " + timeout);
  }

  /**
   * How many items the whole list at {@code path} holds, counted as the times {@code field} (a
   * field every item has, once) occurs in the answer as it streams in, without keeping it.
   */
  long wholeList(String path, String field) throws Exception {
    HttpResponse<InputStream> response =
        http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    String marker = "\"" + field + "\":";
    long items = 0;
    String tail = "";
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        String text = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
          items++;
        }
        // A marker cut by the buffer's end is found whole next time, and none is counted twice.
        tail = text.substring(Math.max(0, text.length() - marker.length() + 1));
      }
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return items;
  }

  /** Reads the answer at {@code path} and drops it, as a browser loading a file. */
  private void fetch(String path) throws Exception {
    http.send(request(path).GET().build(), HttpResponse.BodyHandlers.discarding());
  }

  private JsonNode get(String path) throws Exception {
    return send("GET", path, null, 200);
  }

  private JsonNode send(String method, String path, String body, int expected) throws Exception {
    HttpRequest.Builder builder = request(path);
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + token);
  }
}
