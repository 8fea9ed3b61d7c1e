package io.suasor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's burn-down and idle load on the big history against a fresh, empty database, rounds
 * alternated so that the shared machine's load falls on both alike. The big database's runs of the
 * bench's own jobs are deleted after each round, so every round sees the same history.
 */
final class EngineOnHistory {
  record Round(
      String database, double runsPerSecond, double statementsPerRun, double cpuMsPerRun) {}

  record Idle(String database, double statementsPerSecond) {}

  private final DbMeter meter;
  private final String bigDatabase;
  private final String bigUrl;
  private final BenchSettings settings;
  private final boolean vacuum;
  private final int dead;

  /**
   * With {@code vacuum}, the big history is vacuumed before each of its rounds, as autovacuum does
   * once enough rows changed: without it, each round starts with the dead index entries of every
   * earlier round's claimed runs (see docs/SCALING.md). Then {@code dead} runs are made pending and
   * ended at once, leaving as many dead entries in the claim index as that many claimed runs do:
   * the state in which autovacuum finds the history when it comes (V9: after 1 % of the table and
   * 10,000 rows changed, about 55,000 runs with ten million).
   */
  EngineOnHistory(
      DbMeter meter,
      String bigDatabase,
      String bigUrl,
      BenchSettings settings,
      boolean vacuum,
      int dead) {
    this.meter = meter;
    this.bigDatabase = bigDatabase;
    this.bigUrl = bigUrl;
    this.settings = settings;
    this.vacuum = vacuum;
    this.dead = dead;
  }

  /** One warm-up round on each, then {@code settings.repeats()} measured rounds on each. */
  List<Round> burnDown() throws Exception {
    List<Round> rounds = new ArrayList<>();
    for (int round = 0; round <= settings.repeats(); round++) {
      int runs = round == 0 ? settings.warmUpRuns() : settings.burnDownRuns();
      Round empty = burnDownOnEmpty(runs, round);
      if (vacuum) {
        vacuumHistory();
      }
      if (dead > 0) {
        leaveDeadClaimEntries();
      }
      Round big = burnDownOn(bigDatabase, bigUrl, runs);
      forgetBenchRuns();
      System.err.printf(
          "  round %d: empty %.0f runs/s, history %.0f runs/s%n",
          round, empty.runsPerSecond(), big.runsPerSecond());
      if (round > 0) {
        rounds.add(empty);
        rounds.add(big);
      }
    }
    return rounds;
  }

  /** Idle statements per second of a started engine with no work, on each database. */
  List<Idle> idle() throws Exception {
    String name = "history_empty_idle";
    String emptyUrl = meter.createDatabase(name);
    try {
      return List.of(idleOn(name, emptyUrl), idleOn(bigDatabase, bigUrl));
    } finally {
      meter.dropDatabase(name);
    }
  }

  /**
   * A short burn-down and a few seconds idle on the big history, unmeasured: the statements whose
   * plans {@code auto_explain} logs.
   */
  void idleAndBurnDownOnce() throws Exception {
    burnDownOn(bigDatabase, bigUrl, settings.burnDownRuns());
    idleOn(bigDatabase, bigUrl);
    forgetBenchRuns();
  }

  private Round burnDownOnEmpty(int runs, int round) throws Exception {
    String name = "history_empty_" + round;
    String url = meter.createDatabase(name);
    try {
      return burnDownOn(name, url, runs);
    } finally {
      meter.dropDatabase(name);
    }
  }

  private Round burnDownOn(String database, String url, int runs) throws Exception {
    try (SuasorContender contender =
        new SuasorContender(Target.postgres(url), settings, settings.pollInterval())) {
      contender.createDueNow(runs, false);
      Probe.reset(runs);
      meter.resetStatements(database);
      DbMeter.Snapshot before = meter.snapshot(database);
      long started = System.nanoTime();
      contender.start();
      if (!Probe.await(Duration.ofSeconds(60 + runs / 50))) {
        throw new IllegalStateException(
            "the burn-down on " + database + " ran " + Probe.executions() + " of " + runs);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      DbMeter.Snapshot after = meter.snapshot(database);
      if (Boolean.getBoolean("bench.top")) {
        for (var row : meter.topStatements(database, 6)) {
          System.err.printf(
              "    %s %6d calls %8.1f ms %s%n",
              database, row.get("calls"), row.get("totalMs"), row.get("query"));
        }
      }
      return new Round(
          database,
          runs / seconds,
          (after.calls() - before.calls()) / (double) runs,
          (after.cpuMillis() - before.cpuMillis()) / runs);
    }
  }

  private Idle idleOn(String database, String url) throws Exception {
    try (SuasorContender contender =
        new SuasorContender(Target.postgres(url), settings, settings.pollInterval())) {
      contender.start();
      Thread.sleep(settings.settle().toMillis());
      meter.resetStatements(database);
      DbMeter.Snapshot before = meter.snapshot(database);
      Thread.sleep(settings.idleWindow().toMillis());
      DbMeter.Snapshot after = meter.snapshot(database);
      return new Idle(
          database, (after.calls() - before.calls()) / (settings.idleWindow().toMillis() / 1e3));
    }
  }

  private void vacuumHistory() throws SQLException {
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection(bigUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("VACUUM (INDEX_CLEANUP ON) job_runs");
    }
    System.err.printf("  vacuumed job_runs in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  private void leaveDeadClaimEntries() throws SQLException {
    try (Connection c = DriverManager.getConnection(bigUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO job_runs (job_name, job_type, status, trigger_kind, attempt, run_at,
              created_at, updated_at, concurrency_limit)
          SELECT 'bench.aged', 'system', 'pending', 'manual', 1, g, g, g, 0
          FROM generate_series(1, %d) g"""
              .formatted(dead));
      s.execute(
          "UPDATE job_runs SET status = 'completed', node_id = 'aged', start_time = 1, end_time = 1"
              + " WHERE job_name = 'bench.aged'");
    }
  }

  private void forgetBenchRuns() throws SQLException {
    try (Connection c = DriverManager.getConnection(bigUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute(
          "DELETE FROM job_runs WHERE job_name IN ('bench.noop', 'bench.progress', 'bench.aged')");
    }
  }
}
