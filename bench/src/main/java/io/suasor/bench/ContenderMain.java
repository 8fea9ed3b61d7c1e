package io.suasor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The child JVM of one contender: runs its scenarios, one warm-up round and the measured rounds
 * each, every round on a fresh database, and prints one {@code RESULT} line of JSON per measured
 * round for the harness.
 *
 * <p>Arguments: the {@link Kind}, the admin JDBC URL of the harness's PostgreSQL server, a scratch
 * folder, then {@link BenchSettings#toArgs()}.
 */
public final class ContenderMain {
  static final String RESULT = "RESULT ";

  /** Names the scenarios to run, comma-separated (all of the contender's when absent). */
  static final String SCENARIOS_PROPERTY = "suasor.bench.scenarios";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Kind kind;
  private final BenchSettings settings;
  private final DbMeter meter;
  private final Path scratch;
  private int databases;

  private ContenderMain(Kind kind, BenchSettings settings, DbMeter meter, Path scratch) {
    this.kind = kind;
    this.settings = settings;
    this.meter = meter;
    this.scratch = scratch;
  }

  public static void main(String[] args) throws Exception {
    Kind kind = Kind.valueOf(args[0]);
    BenchSettings settings = BenchSettings.fromArgs(Arrays.asList(args).subList(3, args.length));
    try (DbMeter meter = new DbMeter(args[1])) {
      new ContenderMain(kind, settings, meter, Path.of(args[2])).runAll();
    }
    // Some schedulers leave non-daemon threads behind; the measurements are printed.
    System.exit(0);
  }

  private void runAll() throws Exception {
    String only = System.getProperty(SCENARIOS_PROPERTY);
    for (Scenario scenario : kind.scenarios) {
      if (only != null && !Arrays.asList(only.split(",")).contains(scenario.name())) {
        continue;
      }
      // Idle load is one window of steady state, not a rate that needs a warm-up.
      boolean idle = scenario == Scenario.IDLE;
      int first = idle ? 1 : 0;
      int rounds = idle ? 1 : settings.repeats();
      for (int round = first; round <= rounds; round++) {
        Map<String, Object> result = runRound(scenario, round);
        if (round > 0) {
          result.put("kind", kind.name());
          result.put("scenario", scenario.name());
          result.put("round", round);
          System.out.println(RESULT + JSON.writeValueAsString(result));
          System.out.flush();
        }
      }
    }
  }

  private Map<String, Object> runRound(Scenario scenario, int round) throws Exception {
    String name = "bench_" + kind.name().toLowerCase() + "_" + ++databases;
    Target target =
        kind.usesSqlite()
            ? Target.sqlite(scratch.resolve(name + ".db"))
            : Target.postgres(meter.createDatabase(name));
    try (Contender contender = kind.create(target, settings)) {
      return switch (scenario) {
        case BURN_DOWN, PROGRESS -> burnDown(contender, name, scenario, round);
        case LATENESS -> lateness(contender, round);
        case IDLE -> idle(contender, name);
        case ENQUEUE -> {
          int runs = round == 0 ? settings.warmUpRuns() : settings.burnDownRuns();
          yield new LinkedHashMap<>(((SuasorContender) contender).measureEnqueue(runs));
        }
      };
    } finally {
      if (kind.usesSqlite()) {
        for (String suffix : List.of("", "-wal", "-shm")) {
          Files.deleteIfExists(scratch.resolve(name + ".db" + suffix));
        }
      } else {
        meter.dropDatabase(name);
      }
    }
  }

  private Map<String, Object> burnDown(
      Contender contender, String database, Scenario scenario, int round) throws Exception {
    int runs = round == 0 ? settings.warmUpRuns() : settings.burnDownRuns();
    contender.createDueNow(runs, scenario == Scenario.PROGRESS);
    Probe.reset(runs);
    boolean onPostgres = !kind.usesSqlite();
    if (onPostgres) {
      meter.resetStatements(database);
    }
    DbMeter.Snapshot before = onPostgres ? meter.snapshot(database) : null;
    long started = System.nanoTime();
    contender.start();
    boolean finished = Probe.await(Duration.ofSeconds(60 + runs / 50));
    long elapsed = System.nanoTime() - started;
    int done = Probe.executions();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runs", runs);
    result.put("completed", done);
    result.put("finished", finished);
    result.put("seconds", elapsed / 1e9);
    result.put("runsPerSecond", done / (elapsed / 1e9));
    if (onPostgres) {
      DbMeter.Snapshot after = meter.snapshot(database);
      result.put("statementsPerRun", (after.calls() - before.calls()) / (double) done);
      result.put("dbExecMsPerRun", (after.execMillis() - before.execMillis()) / done);
      result.put("dbCpuMsPerRun", (after.cpuMillis() - before.cpuMillis()) / done);
      result.put("xactsPerRun", (after.xacts() - before.xacts()) / (double) done);
      if (round == settings.repeats()) {
        result.put("topStatements", meter.topStatements(database, 8));
      }
    }
    return result;
  }

  private Map<String, Object> lateness(Contender contender, int round) throws Exception {
    int runs = round == 0 ? Math.max(50, settings.latenessRuns() / 4) : settings.latenessRuns();
    Duration window =
        round == 0 ? settings.latenessWindow().dividedBy(4) : settings.latenessWindow();
    contender.start();
    Thread.sleep(settings.settle().toMillis());
    Instant first = Instant.now().plus(settings.latenessLead());
    SplittableRandom random = new SplittableRandom(round);
    List<Instant> dues = new ArrayList<>(runs);
    for (int i = 0; i < runs; i++) {
      dues.add(first.plusMillis(random.nextLong(window.toMillis())));
    }
    Probe.reset(runs);
    long creating = System.nanoTime();
    contender.createDueAt(dues);
    double createSeconds = (System.nanoTime() - creating) / 1e9;
    boolean finished =
        Probe.await(settings.latenessLead().plus(window).plus(Duration.ofSeconds(60)));
    long[] late = Probe.lateness();
    Arrays.sort(late);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runs", runs);
    result.put("completed", late.length);
    result.put("finished", finished);
    result.put("createSeconds", createSeconds);
    result.put("p50", percentile(late, 50));
    result.put("p95", percentile(late, 95));
    result.put("p99", percentile(late, 99));
    result.put("max", late.length == 0 ? Double.NaN : late[late.length - 1]);
    result.put("min", late.length == 0 ? Double.NaN : late[0]);
    return result;
  }

  private Map<String, Object> idle(Contender contender, String database) throws Exception {
    contender.start();
    Thread.sleep(settings.settle().toMillis());
    meter.resetStatements(database);
    DbMeter.Snapshot before = meter.snapshot(database);
    Thread.sleep(settings.idleWindow().toMillis());
    DbMeter.Snapshot after = meter.snapshot(database);
    double seconds = settings.idleWindow().toMillis() / 1000.0;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("seconds", seconds);
    result.put("statementsPerSecond", (after.calls() - before.calls()) / seconds);
    result.put("xactsPerSecond", (after.xacts() - before.xacts()) / seconds);
    result.put("cpuMsPerSecond", (after.cpuMillis() - before.cpuMillis()) / seconds);
    result.put("topStatements", meter.topStatements(database, 5));
    return result;
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
