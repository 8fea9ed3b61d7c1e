package io.suasor.bench;

import io.suasor.jobs.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EngineOnHistory} on SQLite: the burn-down and the idle statements per second on the big
 * history file against a fresh, empty file, rounds alternated. The burn-down runs on the engine's
 * own {@code Database.sqlite}; idle statements are counted at the driver ({@link CountedSqlite}).
 * SQLite runs inside the engine's process, so there is no database CPU of its own to measure.
 */
final class EngineOnSqliteHistory {
  static final String EMPTY = "empty";
  static final String HISTORY = "history (10M runs, SQLite)";

  private final Path bigFile;
  private final Path scratch;
  private final BenchSettings settings;

  EngineOnSqliteHistory(Path bigFile, BenchSettings settings) {
    this.bigFile = bigFile;
    this.scratch = bigFile.resolveSibling("scratch");
    this.settings = settings;
  }

  /** One warm-up round on each, then {@code settings.repeats()} measured rounds on each. */
  List<EngineOnHistory.Round> burnDown() throws Exception {
    List<EngineOnHistory.Round> rounds = new ArrayList<>();
    for (int round = 0; round <= settings.repeats(); round++) {
      int runs = round == 0 ? settings.warmUpRuns() : settings.burnDownRuns();
      Path empty = freshFile("empty-" + round);
      EngineOnHistory.Round onEmpty = burnDownOn(EMPTY, empty, runs);
      deleteFile(empty);
      EngineOnHistory.Round onBig = burnDownOn(HISTORY, bigFile, runs);
      forgetBenchRuns();
      System.err.printf(
          "  round %d: empty %.0f runs/s, history %.0f runs/s (load %s)%n",
          round, onEmpty.runsPerSecond(), onBig.runsPerSecond(), ClusterBenchSupport.loadAverage());
      if (round > 0) {
        rounds.add(onEmpty);
        rounds.add(onBig);
      }
    }
    return rounds;
  }

  /** Idle statements per second of a started engine with no work, on each file. */
  List<EngineOnHistory.Idle> idle() throws Exception {
    Path empty = freshFile("empty-idle");
    try {
      return List.of(idleOn(EMPTY, empty), idleOn(HISTORY, bigFile));
    } finally {
      deleteFile(empty);
    }
  }

  private EngineOnHistory.Round burnDownOn(String name, Path file, int runs) throws Exception {
    CountedSqlite counted = new CountedSqlite(file);
    try (SuasorContender contender =
        new SuasorContender(Database.of(counted.dataSource()), settings, settings.pollInterval())) {
      contender.createDueNow(runs, false);
      Probe.reset(runs);
      long before = counted.executions();
      long started = System.nanoTime();
      contender.start();
      if (!Probe.await(Duration.ofSeconds(60 + runs / 50))) {
        throw new IllegalStateException(
            "the burn-down on " + name + " ran " + Probe.executions() + " of " + runs);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new EngineOnHistory.Round(name, runs / seconds, Double.NaN, Double.NaN);
    }
  }

  private EngineOnHistory.Idle idleOn(String name, Path file) throws Exception {
    CountedSqlite counted = new CountedSqlite(file);
    try (SuasorContender contender =
        new SuasorContender(Database.of(counted.dataSource()), settings, settings.pollInterval())) {
      contender.start();
      Thread.sleep(settings.settle().toMillis());
      long before = counted.executions();
      Thread.sleep(settings.idleWindow().toMillis());
      return new EngineOnHistory.Idle(
          name, (counted.executions() - before) / (settings.idleWindow().toMillis() / 1e3));
    }
  }

  private Path freshFile(String name) throws Exception {
    Files.createDirectories(scratch);
    Path file = scratch.resolve(name + ".db");
    deleteFile(file);
    return file;
  }

  private static void deleteFile(Path file) throws Exception {
    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
    }
  }

  private void forgetBenchRuns() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bigFile.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM job_runs WHERE job_name IN ('bench.noop', 'bench.progress')");
    }
  }
}
