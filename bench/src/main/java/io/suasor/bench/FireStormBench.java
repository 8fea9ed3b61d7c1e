package io.suasor.bench;

import static io.suasor.bench.ClusterBenchSupport.cell;
import static io.suasor.bench.ClusterBenchSupport.collect;
import static io.suasor.bench.ClusterBenchSupport.fleet;
import static io.suasor.bench.ClusterBenchSupport.intOption;
import static io.suasor.bench.ClusterBenchSupport.intsOption;
import static io.suasor.bench.ClusterBenchSupport.option;
import static io.suasor.bench.ClusterBenchSupport.values;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fire storm of issue 16: N schedules (one per user) due at the same instant, fired by node
 * processes on one database. Each round on a fresh database: a warm-up burn-down and the N nodes
 * start and drain 2,000 runs ({@code --warm-up N}); then the N schedules, due {@code
 * --lead-seconds} later, are written straight into the database, and the driver watches them fire
 * and the runs drain, and checks that every schedule has exactly one run of that instant. After the
 * storm, the same nodes burn down N runs of the same job inserted at once (the same runs without
 * the firing), the rate to compare the storm's draining with.
 *
 * <p>Options: {@code --db postgres|sqlite} (postgres), {@code --nodes 3}, {@code --schedules
 * 10000,30000} (sizes, each a series of rounds), {@code --rounds 1}, {@code --workers 4}, {@code
 * --pool 8}, {@code --poll-ms 1000}, {@code --lead-seconds 5}, {@code --job user|free} (a user's
 * job, one run at a time per user; or a job without a limit), {@code --no-burn-down}.
 */
public final class FireStormBench {
  private final String[] args;
  private final boolean sqlite;
  private final int nodes;
  private final String job;
  private final boolean perUser;
  private DbMeter meter;
  private String adminUrl;
  private int databases;

  private FireStormBench(String[] args) {
    this.args = args;
    this.sqlite = option(args, "--db", "postgres").equals("sqlite");
    this.nodes = intOption(args, "--nodes", sqlite ? 1 : 3);
    this.perUser = option(args, "--job", "user").equals("user");
    this.job = perUser ? ClusterNode.USER_JOB : ClusterNode.FREE_JOB;
  }

  public static void main(String[] args) throws Exception {
    new FireStormBench(args).runAll();
    System.exit(0);
  }

  private void runAll() throws Exception {
    EmbeddedPostgres server = sqlite ? null : ClusterBenchSupport.startPostgres();
    if (server != null) {
      adminUrl = ClusterBenchSupport.adminUrl(server);
      meter = new DbMeter(adminUrl);
    }
    int rounds = intOption(args, "--rounds", 1);
    List<Map<String, Object>> results = new ArrayList<>();
    for (int size : intsOption(args, "--schedules", "10000")) {
      for (int round = 1; round <= rounds; round++) {
        collect(results, round(size), round);
      }
    }
    System.out.println(table(results));
  }

  private Map<String, Object> round(int size) throws Exception {
    String name = "storm_" + ++databases;
    Path file = Files.createTempDirectory("suasor-storm").resolve(name + ".db");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("schedules", size);
    result.put("load", ClusterBenchSupport.loadAverage());
    try (ClusterDb db =
        sqlite ? ClusterDb.sqlite(file) : ClusterDb.postgres(meter.createDatabase(name))) {
      db.createRunsDueNow(intOption(args, "--warm-up", 2_000), job, perUser);
      try (NodeFleet fleet = fleet(args, db, nodes, "storm")) {
        fleet.awaitReady();
        db.awaitDrained(Duration.ofSeconds(120));
        // The nodes run, warm, idle: the schedules appear (a notification wakes PostgreSQL nodes,
        // a poll the SQLite node) and come due together a few seconds later.
        Instant fireAt = Instant.now().plusSeconds(intOption(args, "--lead-seconds", 5));
        db.createSchedules(size, job, fireAt);
        long spareMs = Duration.between(Instant.now(), fireAt).toMillis() - 100;
        result.put("setupSpareMs", spareMs);
        if (spareMs > 0) {
          Thread.sleep(spareMs);
        }
        long stormFrom = db.scalar("SELECT COALESCE(MAX(id), 0) FROM job_runs");
        if (!sqlite) {
          meter.resetStatements(name);
        }
        DbMeter.Snapshot before = sqlite ? null : meter.snapshot(name);
        double nodesCpuBefore = fleet.cpuMillis();
        ActivitySampler sampler = sqlite ? null : new ActivitySampler(adminUrl, name);
        Duration timeout = Duration.ofSeconds(120 + size / 200);
        Instant fired = db.awaitFired(fireAt, timeout);
        Instant drained = db.awaitDrained(timeout);
        ClusterDb.StormOutcome outcome = db.outcome(fireAt);
        result.put("insertedS", seconds(fireAt, fired));
        result.put("firstStartS", seconds(fireAt, outcome.firstStart()));
        result.put("finishedS", seconds(fireAt, outcome.lastEnd()));
        result.put("drainRunsPerS", size / seconds(outcome.firstStart(), outcome.lastEnd()));
        result.put("runs", outcome.runs());
        result.put("schedulesWithRun", outcome.schedules());
        result.put("duplicates", outcome.duplicatePairs());
        result.put("completed", outcome.completed());
        result.put("share", db.runsPerNode(stormFrom).values());
        double wall = seconds(fireAt, drained) * 1000;
        result.put("nodesCpuPct", 100 * (fleet.cpuMillis() - nodesCpuBefore) / wall);
        if (!sqlite) {
          DbMeter.Snapshot after = meter.snapshot(name);
          result.put("dbCpuPct", 100 * (after.cpuMillis() - before.cpuMillis()) / wall);
          result.put("statementsPerRun", (after.calls() - before.calls()) / (double) size);
          result.put("connections", sampler.finish());
          result.put("top", meter.topStatements(name, 6));
        }
        if (!args0("--no-burn-down")) {
          long from = db.scalar("SELECT COALESCE(MAX(id), 0) FROM job_runs");
          if (args0("--burn-down-fired")) {
            // Runs that hold a fire key, as the storm's do: the next day's instant of each
            // schedule.
            db.createRunsDueNow(size, job, perUser, db.scheduleIds(), fireAt.plusSeconds(86_400));
          } else {
            db.createRunsDueNow(size, job, perUser);
          }
          db.awaitDrained(timeout);
          long[] span = db.span(from);
          result.put("burnDownRunsPerS", size / ((span[1] - span[0]) / 1000.0));
        }
        Map<String, Integer> executed = fleet.stop();
        result.put("executed", executed.values().stream().mapToInt(Integer::intValue).sum());
        result.put(
            "runsInDatabase",
            db.scalar("SELECT COUNT(*) FROM job_runs WHERE status = 'completed'"));
      }
    } finally {
      if (!sqlite) {
        meter.dropDatabase(name);
      }
      for (String suffix : List.of("", "-wal", "-shm")) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
    }
    return result;
  }

  private boolean args0(String flag) {
    return List.of(args).contains(flag);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private String table(List<Map<String, Object>> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n%s, %d node(s), job %s; median (min–max) of the rounds%n%n",
            sqlite ? "SQLite" : "PostgreSQL", nodes, job));
    out.append(
        "| schedules | rounds | all inserted s after the instant | first start s | all finished s"
            + " | draining runs/s | burn-down runs/s (same nodes) | duplicates | runs = schedules"
            + " |\n|---|---|---|---|---|---|---|---|---|\n");
    Map<Object, List<Map<String, Object>>> bySize = new LinkedHashMap<>();
    results.forEach(r -> bySize.computeIfAbsent(r.get("schedules"), k -> new ArrayList<>()).add(r));
    bySize.forEach(
        (size, rows) ->
            out.append(
                String.format(
                    "| %,d | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    (Integer) size,
                    rows.size(),
                    cell(values(rows, "insertedS"), "%.2f"),
                    cell(values(rows, "firstStartS"), "%.2f"),
                    cell(values(rows, "finishedS"), "%.2f"),
                    cell(values(rows, "drainRunsPerS"), "%,.0f"),
                    cell(values(rows, "burnDownRunsPerS"), "%,.0f"),
                    rows.stream().mapToLong(r -> (Long) r.get("duplicates")).sum(),
                    rows.stream()
                        .allMatch(
                            r ->
                                r.get("runs").equals((long) (int) size)
                                    && r.get("schedulesWithRun").equals((long) (int) size)
                                    && r.get("completed").equals((long) (int) size)))));
    return out.toString();
  }
}
