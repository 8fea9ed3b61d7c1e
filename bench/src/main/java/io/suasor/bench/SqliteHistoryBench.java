package io.suasor.bench;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.media.MediaSchema;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HistoryBench} on SQLite: ten million ended runs of the same spread generated into {@code
 * suasor.db} of {@code --data-dir} (kept between runs of the bench), then
 *
 * <ul>
 *   <li>{@code engine}: burn-down and idle statements/s on the big file against an empty one,
 *       rounds alternated;
 *   <li>{@code api}: p50/p99/max of the history endpoints of the real server on the big file;
 *   <li>{@code dashboard}: the dashboard's first screens in a headless Chromium ({@link
 *       DashboardLoad}).
 * </ul>
 *
 * <p>Options: {@code --runs 10000000}, {@code --data-dir DIR}, {@code --phases engine,api}, {@code
 * --mode small|full}, {@code --repeats N}, {@code --requests 200}, {@code --loads 20}, {@code --out
 * FILE}.
 */
public final class SqliteHistoryBench {
  private SqliteHistoryBench() {}

  public static void main(String[] args) throws Exception {
    HistoryOptions options = HistoryOptions.parse(args, "/tmp/suasor-history-sqlite", "engine,api");
    Path dataDir = options.dataDir();
    BenchSettings settings = options.settings();
    Path file = dataDir.resolve(ServerConfig.SQLITE_FILE_NAME);

    prepare(file, options.runs());
    List<String> report = new ArrayList<>();
    report.add(
        "History on SQLite: " + count(file) + " runs in job_runs; " + String.join(" ", args));
    if (options.has("engine")) {
      System.err.println("engine: burn-down, empty file and history alternated");
      EngineOnSqliteHistory engine = new EngineOnSqliteHistory(file, settings);
      report.add("load average before the engine phase: " + ClusterBenchSupport.loadAverage());
      HistoryReport.burnDown(report, engine.burnDown(), EngineOnSqliteHistory.HISTORY);
      HistoryReport.idle(report, engine.idle());
    }
    if (options.has("api")) {
      System.err.println("api: the history endpoints of a server on the big file");
      report.add("");
      report.add("load average before the api phase: " + ClusterBenchSupport.loadAverage());
      try (ApiLatency api = ApiLatency.sqlite(dataDir)) {
        HistoryReport.latency(
            report, HistoryBench.latency(api, settings.repeats(), options.requests()));
      }
    }
    if (options.has("dashboard")) {
      System.err.println("dashboard: first screens in a headless Chromium");
      try (ApiLatency api = ApiLatency.sqlite(dataDir)) {
        HistoryReport.dashboard(
            report, new DashboardLoad(api).measure(settings.repeats(), options.loads()));
      }
    }
    options.print(report);
    System.exit(0);
  }

  /** Migrates the file with the server's migrations and fills it unless a run already did. */
  private static void prepare(Path file, long runs) throws Exception {
    try (Database database = Database.sqlite(file)) {
      JdbcJobRepository.migrate(database);
      MediaSchema.migrate(database);
      HistoryBench.pauseMaintenance(new JdbcJobRepository(database));
    }
    long have = count(file);
    if (have < runs * 99 / 100) {
      System.err.printf("generating %,d runs (the file had %,d)%n", runs, have);
      try (Connection c = connect(file);
          java.sql.Statement s = c.createStatement()) {
        s.execute("DELETE FROM job_runs");
        SqliteHistoryData.fill(c, runs, Instant.now());
      }
    }
  }

  private static long count(Path file) throws Exception {
    try (Connection c = connect(file)) {
      return HistoryData.count(c);
    }
  }

  private static Connection connect(Path file) throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }
}
