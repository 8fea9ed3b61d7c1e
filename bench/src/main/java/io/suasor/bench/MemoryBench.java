package io.suasor.bench;

import static io.suasor.bench.ClusterBenchSupport.intOption;
import static io.suasor.bench.ClusterBenchSupport.option;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 16's memory target: the real server ({@code suasor serve} in a JVM of its own, {@code
 * -Xmx512m}) on an embedded PostgreSQL 14 holding 500,000 schedules (100,000 users, five user jobs
 * each) and ten million runs, generated once into {@code --data-dir} and kept, driven through the
 * phases of {@link MemorySequence}; after each phase a forced full GC, and the heap read from the
 * GC log. With {@code --base-jar}, the packaged server of another commit runs the same sequence in
 * rounds alternated with this build's.
 *
 * <p>Options: {@code --data-dir /tmp/suasor-memory-pg}, {@code --users 100000}, {@code --runs
 * 10000000}, {@code --rounds 3}, {@code --heap 512m}, {@code --fire 10000} (schedules made due in
 * the firing phase), {@code --base-jar PATH}, {@code --base-name NAME}, {@code --out FILE}.
 */
public final class MemoryBench {
  static final String DATABASE = "suasor_memory";
  static final List<String> PHASES =
      List.of(
          "start-up",
          "overview",
          "dashboard first screen",
          "schedules, every page",
          "users, every page",
          "run history pages",
          "schedule changes",
          "firing",
          "whole lists, unpaged");

  private final String[] args;
  private final String url;
  private final Path serverDir;
  private final Path logs;
  private final int users;

  private MemoryBench(String[] args, String url, Path dataDir) {
    this.args = args;
    this.url = url;
    this.serverDir = dataDir.resolveSibling(dataDir.getFileName() + "-server");
    this.logs = Path.of("bench", "target", "bench-logs");
    this.users = intOption(args, "--users", 100_000);
  }

  /** One round of one server: each phase's heap and seconds, and how it ended. */
  record Round(
      String server,
      int number,
      String load,
      Map<String, ServerProcess.Heap> heap,
      Map<String, Double> seconds,
      String outcome) {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(option(args, "--data-dir", "/tmp/suasor-memory-pg"));
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("max_connections", "100")
            .start();
    try {
      String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
      HistoryData.createDatabase(adminUrl, DATABASE);
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
      MemoryBench bench = new MemoryBench(args, url, dataDir);
      String report = bench.run();
      System.out.print(report);
      String out = option(args, "--out", null);
      if (out != null) {
        Files.writeString(Path.of(out), report, StandardCharsets.UTF_8);
      }
    } finally {
      postgres.close();
    }
    System.exit(0);
  }

  private String run() throws Exception {
    MemoryData.prepare(url, serverDir, users, Long.parseLong(option(args, "--runs", "10000000")));
    Optional<Path> baseJar = Optional.ofNullable(option(args, "--base-jar", null)).map(Path::of);
    String baseName = option(args, "--base-name", "base");
    List<Round> rounds = new ArrayList<>();
    int count = intOption(args, "--rounds", 3);
    for (int number = 1; number <= count; number++) {
      rounds.add(round("this build", Optional.empty(), number));
      if (baseJar.isPresent()) {
        rounds.add(round(baseName, baseJar, number));
      }
    }
    return MemoryReport.write(args, rounds, option(args, "--heap", "512m"));
  }

  private Round round(String server, Optional<Path> jar, int number) throws Exception {
    String token = MemoryData.beforeRound(url);
    long lastRun;
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      lastRun = MemoryData.count(c, "SELECT COALESCE(MAX(id), 0) FROM job_runs");
    }
    String load = ClusterBenchSupport.loadAverage();
    Map<String, ServerProcess.Heap> heap = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    String outcome = "survived";
    System.err.printf("round %d, %s (load %s)%n", number, server, load);
    String name = server.replace(' ', '-') + "-" + number;
    try (ServerProcess process =
        ServerProcess.start(url, serverDir, jar, option(args, "--heap", "512m"), logs, name)) {
      MemorySequence sequence = new MemorySequence(process.base, token, url);
      int fire = intOption(args, "--fire", 10_000);
      Map<String, Step> steps = new LinkedHashMap<>();
      steps.put("start-up", () -> process.awaitReady(Duration.ofMinutes(5)));
      steps.put("overview", sequence::overview);
      steps.put("dashboard first screen", sequence::dashboardFirstScreen);
      steps.put("schedules, every page", () -> atLeast(sequence.everyPage(SCHEDULES), users * 5L));
      steps.put("users, every page", () -> atLeast(sequence.everyPage("/api/v1/users"), users));
      steps.put("run history pages", sequence::runHistory);
      steps.put("schedule changes", sequence::scheduleChanges);
      steps.put("firing", () -> sequence.firing(fire, Duration.ofMinutes(20)));
      steps.put(
          "whole lists, unpaged",
          () -> {
            atLeast(sequence.wholeList(SCHEDULES, "jobName"), users * 5L);
            atLeast(sequence.wholeList("/api/v1/users", "role"), users);
          });
      for (Map.Entry<String, Step> step : steps.entrySet()) {
        long began = System.nanoTime();
        try {
          step.getValue().run();
        } catch (Exception e) {
          outcome = failure(process, step.getKey(), e);
        }
        seconds.put(step.getKey(), (System.nanoTime() - began) / 1e9);
        heap.put(step.getKey(), process.phaseEnd());
        System.err.printf(
            "  %s: %.1f s, %s%n",
            step.getKey(), seconds.get(step.getKey()), heap.get(step.getKey()));
        if (!outcome.equals("survived")) {
          break;
        }
      }
    } finally {
      MemoryData.deleteRunsSince(url, lastRun);
    }
    return new Round(server, number, load, heap, seconds, outcome);
  }

  private static final String SCHEDULES = "/api/v1/jobs/schedules";

  private interface Step {
    void run() throws Exception;
  }

  private static void atLeast(long seen, long expected) {
    if (seen < expected) {
      throw new IllegalStateException("saw " + seen + " items, expected at least " + expected);
    }
  }

  private static String failure(ServerProcess process, String phase, Exception e) throws Exception {
    System.err.println("  " + phase + " failed: " + e);
    if (process.ranOutOfHeap()) {
      return "ran out of heap in " + phase;
    }
    String message = String.valueOf(e.getMessage());
    return process.alive()
        ? "failed in " + phase + ": " + message.substring(0, Math.min(200, message.length()))
        : "ended in " + phase;
  }
}
