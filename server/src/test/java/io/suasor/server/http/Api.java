package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.testing.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A small client of the real server on a loopback port. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String base;

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The live event stream as {@code token}'s user sees it, read line by line; close it after. */
  record EventLines(int status, BufferedReader lines, InputStream body) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  EventLines events(String token) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    return new EventLines(
        response.statusCode(),
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)),
        response.body());
  }

  record Reply(int status, String text, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + text, e);
      }
    }

    JsonNode data() {
      return json().get("data");
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** The run once it has ended, read as {@code token} sees it; fails after a minute. */
  JsonNode awaitEnd(String token, long runId) throws InterruptedException {
    return awaitRun(token, runId, "the end of run " + runId, run -> !run.get("endTime").isNull());
  }

  /**
   * The run once {@code wanted} holds for it, read as {@code token} sees it; fails after a minute.
   */
  JsonNode awaitRun(String token, long runId, String what, Predicate<JsonNode> wanted)
      throws InterruptedException {
    AtomicReference<JsonNode> run = new AtomicReference<>();
    Await.until(
        what,
        Duration.ofSeconds(60),
        () -> {
          run.set(get("/api/v1/jobs/runs/" + runId, token).data());
          return wanted.test(run.get());
        });
    return run.get();
  }

  Reply get(String path, String token) {
    return send("GET", path, token, null);
  }

  Reply post(String path, String token, String body) {
    return send("POST", path, token, body);
  }

  Reply put(String path, String token, String body) {
    return send("PUT", path, token, body);
  }

  Reply delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  Reply send(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
