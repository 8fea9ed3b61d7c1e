package io.suasor.server;

import io.suasor.jobs.testing.TestDatabases;
import io.suasor.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Configurations for test servers: SQLite in a folder, or a fresh embedded PostgreSQL database. */
public final class TestServer {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestServer() {}

  public static ServerConfig sqlite(Path dataDir) {
    return config(dataDir, Optional.empty());
  }

  public static ServerConfig postgres(Path dataDir) {
    String name = "suasor_server_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    try (Connection admin = TestDatabases.server().getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return config(dataDir, Optional.of(TestDatabases.server().getJdbcUrl("postgres", name)));
  }

  private static ServerConfig config(Path dataDir, Optional<String> url) {
    return new ServerConfig(
        dataDir,
        url,
        url.isPresent() ? "postgres" : null,
        url.isPresent() ? "postgres" : null,
        4,
        "127.0.0.1",
        0,
        4,
        List.of("http://localhost:5173"),
        64 * 1024,
        Optional.empty());
  }

  /** Opens and serves an application with quick engine timings; returns what it printed too. */
  public static Started start(ServerConfig config, List<io.suasor.jobs.Job> jobs) {
    Application app =
        Application.open(
            config,
            jobs,
            Clock.systemUTC(),
            s ->
                s.withPollInterval(Duration.ofSeconds(1))
                    .withProgressFlushInterval(Duration.ofMillis(20))
                    .withHeartbeatInterval(Duration.ofMillis(500))
                    .withDeadRunThreshold(Duration.ofSeconds(5))
                    .withShutdownGrace(Duration.ofSeconds(2))
                    .withCancelGrace(Duration.ofSeconds(1)));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    app.serve(new PrintStream(printed, true, StandardCharsets.UTF_8));
    return new Started(app, printed.toString(StandardCharsets.UTF_8));
  }

  public record Started(Application app, String printed) {
    /** The first admin token printed at start. */
    public String adminToken() {
      return printed
          .lines()
          .map(String::trim)
          .filter(line -> line.startsWith("suasor_"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no admin token printed in:\n" + printed));
    }

    public int port() {
      return app.http().orElseThrow().port();
    }
  }

  /**
   * Pauses the schedules of {@code jobs} and of the library cleanup, and waits until the runs they
   * fired (a schedule due when the server starts fires at once) have ended, so that a test sees
   * only the runs it starts itself.
   */
  public static void pauseAndSettle(Started server, String... jobs) throws InterruptedException {
    io.suasor.jobs.service.JobService service = server.app().jobs();
    // The library cleanup removes items no source references, which is what tests plant: it is
    // paused and settled with the jobs a test names, or its start-up run may remove their items.
    java.util.Set<String> paused = new java.util.LinkedHashSet<>(java.util.List.of(jobs));
    paused.add("system.library.cleanup");
    for (String job : paused) {
      service.pauseSchedule(job);
    }
    io.suasor.jobs.testing.Await.until(
        "the runs of " + paused + " fired at start-up to end",
        java.time.Duration.ofSeconds(20),
        () ->
            service.getRecentJobRuns(100).stream()
                .filter(run -> paused.contains(run.jobName()))
                .allMatch(run -> run.status().isTerminal()));
  }
}
