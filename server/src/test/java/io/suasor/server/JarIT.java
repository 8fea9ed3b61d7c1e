package io.suasor.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.testing.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar starts with java -jar on a fresh data folder and answers /health. */
class JarIT {
  @Test
  void theJarNamesItsVersion(@TempDir Path work) throws Exception {
    Path jar = Path.of(System.getProperty("suasor.jar", "target/suasor.jar")).toAbsolutePath();
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--version")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .start();
    String printed = new String(process.getInputStream().readAllBytes(), UTF_8);

    assertThat(process.waitFor()).as(printed).isZero();
    assertThat(printed.lines().findFirst())
        .contains("suasor " + System.getProperty("suasor.version"));
  }

  @Test
  void theJarStartsOnAFreshDataDirAndIsHealthy(@TempDir Path work) throws Exception {
    Path jar = Path.of(System.getProperty("suasor.jar", "target/suasor.jar")).toAbsolutePath();
    assertThat(jar).exists();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path output = work.resolve("out.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                String.valueOf(port))
            .directory(work.toFile())
            .redirectOutput(output.toFile())
            .redirectError(work.resolve("err.txt").toFile());
    // The default data folder is $XDG_DATA_HOME/suasor: here, inside the test's folder.
    builder.environment().put("XDG_DATA_HOME", work.toString());
    builder.environment().keySet().removeIf(name -> name.startsWith("SUASOR_"));
    Process process = builder.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
      AtomicReference<HttpResponse<String>> answered = new AtomicReference<>();
      Await.until(
          "the jar's server to answer, or its process to end",
          Duration.ofSeconds(60),
          () -> {
            try {
              answered.set(client.send(health, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException notYet) {
              return !process.isAlive();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new AssertionError("interrupted while waiting for the jar's server", e);
            }
            return true;
          });
      HttpResponse<String> reply = answered.get();
      assertThat(reply).as(Files.readString(work.resolve("err.txt"))).isNotNull();
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body()).contains("\"success\":true");
      assertThat(work.resolve("suasor").resolve("suasor.db")).exists();
      assertThat(Files.readString(output)).contains("suasor_", "shown only this once");
      String token =
          Files.readString(output)
              .lines()
              .map(String::trim)
              .filter(line -> line.startsWith("suasor_"))
              .findFirst()
              .orElseThrow();
      HttpResponse<String> jobs =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs"))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      // A fresh machine shows the media domain's system jobs with their default schedules.
      assertThat(jobs.body())
          .contains(
              "\"system.media.sync\"",
              "\"system.metadata.refresh\"",
              "\"system.library.cleanup\"",
              "\"system.database.maintenance\"",
              "\"system.user.activity.analysis\"",
              "\"system.recommendation\"",
              "\"system.favorites.sync\"",
              "\"system.smart.collections\"",
              "\"system.new.release.notification\"",
              "\"frequency\":\"hourly\"",
              "\"frequency\":\"weekly\"");
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
