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
 *   <li>{@code api}: p50/p99/max of the history endpoints of the real server on the big history;
 *   <li>{@code dashboard} (not by default): the dashboard's first screens in a headless Chromium on
 *       that server ({@link DashboardLoad}).
 * </ul>
 *
 * <p>Options: {@code --runs 10000000}, {@code --data-dir DIR}, {@code --phases engine,plans,api},
 * {@code --mode small|full} (the burn-down sizes of {@link BenchSettings}), {@code --repeats N},
 * {@code --requests 200} per endpoint and round, {@code --loads 20} warm page loads per screen and
 * round, {@code --out FILE}, {@code --vacuum} (vacuum the history before each of its burn-down
 * rounds), {@code --dead N} (then leave N claimed runs' dead entries in the claim index; system
 * property {@code bench.top} prints each round's costliest statements).
 */
public final class HistoryBench {
  static final String DATABASE = "suasor_history";

  private HistoryBench() {}

  public static void main(String[] args) throws Exception {
    HistoryOptions options =
        HistoryOptions.parse(args, "/tmp/suasor-history-pg", "engine,plans,api");
    Path dataDir = options.dataDir();
    BenchSettings settings = options.settings();
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
      prepare(adminUrl, bigUrl, options.runs());
      report.add("History: " + count(bigUrl) + " runs in job_runs; " + String.join(" ", args));
      if (options.has("engine")) {
        EngineOnHistory engine =
            new EngineOnHistory(
                meter, DATABASE, bigUrl, settings, options.vacuum(), options.deadEntries());
        System.err.println("engine: burn-down, empty database and history alternated");
        report.add("load average before the engine phase: " + ClusterBenchSupport.loadAverage());
        HistoryReport.burnDown(report, engine.burnDown(), DATABASE);
        HistoryReport.idle(report, engine.idle());
      }
      if (options.has("plans")) {
        System.err.println("plans: auto_explain of everything the engine and server run");
        HistoryReport.plans(report, plans(meter, bigUrl, logs, settings, dataDir));
      }
      Path serverDir = dataDir.resolveSibling(dataDir.getFileName() + "-server");
      if (options.has("api")) {
        System.err.println("api: the history endpoints of a server on the big history");
        report.add("");
        report.add("load average before the api phase: " + ClusterBenchSupport.loadAverage());
        try (ApiLatency api = ApiLatency.postgres(bigUrl, serverDir)) {
          HistoryReport.latency(report, latency(api, settings.repeats(), options.requests()));
        }
      }
      if (options.has("dashboard")) {
        System.err.println("dashboard: first screens in a headless Chromium");
        try (ApiLatency api = ApiLatency.postgres(bigUrl, serverDir)) {
          HistoryReport.dashboard(
              report, new DashboardLoad(api).measure(settings.repeats(), options.loads()));
        }
      }
    }
    options.print(report);
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
  static void pauseMaintenance(JdbcJobRepository jobs) {
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
        try (ApiLatency api =
            ApiLatency.postgres(
                bigUrl, dataDir.resolveSibling(dataDir.getFileName() + "-server"))) {
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

  /** {@code rounds} rounds of {@code requests} timed requests to each endpoint. */
  static List<ApiLatency.Latency> latency(ApiLatency api, int rounds, int requests)
      throws Exception {
    List<ApiLatency.Latency> all = new ArrayList<>();
    Map<String, String> endpoints = api.endpoints(Instant.now());
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
        all.add(api.measure(endpoint.getKey(), endpoint.getValue(), requests));
      }
      System.err.printf(
          "  round %d of %d measured (load %s)%n",
          round, rounds, ClusterBenchSupport.loadAverage());
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
