package io.suasor.bench;

import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.media.MediaSchema;
import io.suasor.media.jobs.DatabaseMaintenanceJob;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 16's history targets on an embedded PostgreSQL 14 whose {@code job_runs} holds ten million
 * ended runs (generated once into {@code --data-dir}, kept between runs of the bench):
 *
 * <ul>
 *   <li>{@code engine}: burn-down and idle statements/s on the big history against an empty
 *       database, rounds alternated;
 *   <li>{@code plans}: every statement the engine and the server ran on the big history, with how
 *       each read {@code job_runs}, from {@code auto_explain}'s log;
 *   <li>{@code api}: p50/p99/max of the history endpoints of the real server on the big history.
 * </ul>
 *
 * <p>Options: {@code --runs 10000000}, {@code --data-dir DIR}, {@code --phases engine,plans,api},
 * {@code --mode small|full} (the burn-down sizes of {@link BenchSettings}), {@code --repeats N},
 * {@code --requests 200} per endpoint and round, {@code --out FILE}, {@code --vacuum} (vacuum the
 * history before each of its burn-down rounds), {@code --dead N} (then leave N claimed runs' dead
 * entries in the claim index; system property {@code bench.top} prints each round's costliest
 * statements).
 */
public final class HistoryBench {
  static final String DATABASE = "suasor_history";

  private HistoryBench() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    long runs = Long.parseLong(Harness.option(options, "--runs", "10000000"));
    Path dataDir = Path.of(Harness.option(options, "--data-dir", "/tmp/suasor-history-pg"));
    List<String> phases =
        Arrays.asList(Harness.option(options, "--phases", "engine,plans,api").split(","));
    BenchSettings settings = BenchSettings.forMode(Harness.option(options, "--mode", "full"));
    String repeats = Harness.option(options, "--repeats", null);
    if (repeats != null) {
      settings = settings.withRepeats(Integer.parseInt(repeats));
    }
    int requests = Integer.parseInt(Harness.option(options, "--requests", "200"));
    Path logs = dataDir.resolveSibling(dataDir.getFileName() + "-log");
    Files.createDirectories(logs);

    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
            .setServerConfig("max_connections", "200")
            .setServerConfig("logging_collector", "on")
            .setServerConfig("log_directory", logs.toAbsolutePath().toString())
            .setServerConfig("auto_explain.log_format", "json")
            .setServerConfig("auto_explain.log_nested_statements", "on")
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
    String adminUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    String bigUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    List<String> report = new ArrayList<>();
    try (DbMeter meter = new DbMeter(adminUrl)) {
      prepare(adminUrl, bigUrl, runs);
      report.add("History: " + count(bigUrl) + " runs in job_runs; " + String.join(" ", args));
      if (phases.contains("engine")) {
        EngineOnHistory engine =
            new EngineOnHistory(
                meter,
                DATABASE,
                bigUrl,
                settings,
                options.contains("--vacuum"),
                Integer.parseInt(Harness.option(options, "--dead", "0")));
        System.err.println("engine: burn-down, empty database and history alternated");
        HistoryReport.burnDown(report, engine.burnDown());
        HistoryReport.idle(report, engine.idle());
      }
      if (phases.contains("plans")) {
        System.err.println("plans: auto_explain of everything the engine and server run");
        HistoryReport.plans(report, plans(meter, bigUrl, logs, settings, dataDir));
      }
      if (phases.contains("api")) {
        System.err.println("api: the history endpoints of a server on the big history");
        HistoryReport.latency(report, latency(bigUrl, dataDir, settings.repeats(), requests));
      }
    }
    String text = String.join("\n", report) + "\n";
    System.out.print(text);
    String out = Harness.option(options, "--out", null);
    if (out != null) {
      Files.writeString(Path.of(out), text, StandardCharsets.UTF_8);
    }
    System.exit(0);
  }

  /** Creates, migrates and fills the big database unless a run of the bench already did. */
  private static void prepare(String adminUrl, String bigUrl, long runs) throws Exception {
    HistoryData.createDatabase(adminUrl, DATABASE);
    try (Database database = Database.postgres(bigUrl, "postgres", "postgres", 2)) {
      JdbcJobRepository.migrate(database);
      MediaSchema.migrate(database);
      pauseMaintenance(new JdbcJobRepository(database));
    }
    HistoryData.ensure(bigUrl, runs);
  }

  /**
   * The server's maintenance would prune the history to its 30 days' retention as soon as it
   * started; its schedule is paused, as an admin keeping a year would (retention is not a setting).
   */
  private static void pauseMaintenance(JdbcJobRepository jobs) {
    Instant now = Instant.now();
    Optional<JobSchedule> maintenance = jobs.getJobSchedule(DatabaseMaintenanceJob.NAME);
    if (maintenance.isEmpty()) {
      jobs.createJobSchedule(
          JobSchedule.builder(DatabaseMaintenanceJob.NAME)
              .jobType(JobType.SYSTEM)
              .frequency("weekly")
              .timeZone("UTC")
              .enabled(false)
              .build(),
          now);
    } else if (maintenance.get().enabled()) {
      jobs.updateJobSchedule(maintenance.get().withEnabled(false), now);
    }
  }

  private static long count(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      return HistoryData.count(c);
    }
  }

  private static List<PlanLog.Statement> plans(
      DbMeter meter, String bigUrl, Path logs, BenchSettings settings, Path dataDir)
      throws Exception {
    try (Connection c = DriverManager.getConnection(bigUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      for (Path old : Files.list(logs).toList()) {
        Files.writeString(old, "");
      }
      s.execute("ALTER DATABASE " + DATABASE + " SET auto_explain.log_min_duration = 0");
      try {
        BenchSettings small = BenchSettings.small().withRepeats(1);
        new EngineOnHistory(meter, DATABASE, bigUrl, small, false, 0).idleAndBurnDownOnce();
        try (ApiLatency api = new ApiLatency(bigUrl, dataDir.resolveSibling("history-server"))) {
          for (Map.Entry<String, String> endpoint : api.endpoints(Instant.now()).entrySet()) {
            api.measure(endpoint.getKey(), endpoint.getValue(), 5);
          }
        }
      } finally {
        s.execute("ALTER DATABASE " + DATABASE + " RESET auto_explain.log_min_duration");
      }
    }
    return PlanLog.read(logs);
  }

  private static List<ApiLatency.Latency> latency(
      String bigUrl, Path dataDir, int rounds, int requests) throws Exception {
    List<ApiLatency.Latency> all = new ArrayList<>();
    try (ApiLatency api = new ApiLatency(bigUrl, dataDir.resolveSibling("history-server"))) {
      Map<String, String> endpoints = api.endpoints(Instant.now());
      for (int round = 1; round <= rounds; round++) {
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
          all.add(api.measure(endpoint.getKey(), endpoint.getValue(), requests));
        }
        System.err.printf("  round %d of %d measured%n", round, rounds);
      }
    }
    return all;
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (Exception e) {
      new PrintStream(System.err, true, StandardCharsets.UTF_8)
          .println("could not stop PostgreSQL: " + e);
    }
  }
}
