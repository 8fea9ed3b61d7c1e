package io.suasor.bench;

import static io.suasor.bench.ClusterBenchSupport.collect;
import static io.suasor.bench.ClusterBenchSupport.fleet;
import static io.suasor.bench.ClusterBenchSupport.intOption;
import static io.suasor.bench.ClusterBenchSupport.intsOption;
import static io.suasor.bench.ClusterBenchSupport.option;

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
 * <p>Before the storm the nodes also fire and drain small storms of other schedules ({@code
 * --warm-up-storm N}, see {@link #warmUpStorms}).
 *
 * <p>Options: {@code --db postgres|sqlite} (postgres), {@code --nodes 3}, {@code --schedules
 * 10000,30000} (sizes, each a series of rounds), {@code --rounds 1}, {@code --workers 4}, {@code
 * --pool 8}, {@code --poll-ms 1000}, {@code --lead-seconds 5}, {@code --job user|free} (a user's
 * job, one run at a time per user; or a job without a limit), {@code --warm-up 2000}, {@code
 * --warm-up-storm 20000}, {@code --settle-ms 15000}, {@code --burn-down-fired}, {@code
 * --no-burn-down}; {@code -Dbench.nodeJvm="…"} adds options to the nodes' JVMs ({@code {node}} is
 * replaced by the node's id), for example a flight recording each.
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
    System.out.println(
        FireStormReport.table(results, sqlite ? "SQLite" : "PostgreSQL", nodes, job));
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
        warmUpStorms(db);
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
        DbMeter.Snapshot atFired = sqlite ? null : meter.snapshot(name);
        double nodesCpuAtFired = fleet.cpuMillis();
        Instant drained = db.awaitDrained(timeout);
        // CPU per run of the draining alone, the nodes' and the database's, to compare with the
        // burn-down's: on two cores the two share the machine.
        result.put("drainNodesCpuMsPerRun", (fleet.cpuMillis() - nodesCpuAtFired) / size);
        if (!sqlite) {
          result.put(
              "drainDbCpuMsPerRun",
              (meter.snapshot(name).cpuMillis() - atFired.cpuMillis()) / size);
        }
        ClusterDb.StormOutcome outcome = db.outcome(fireAt);
        result.put("phases", List.of(fireAt, fired, drained));
        result.put("insertedS", seconds(fireAt, fired));
        result.put("firstStartS", seconds(fireAt, outcome.firstStart()));
        result.put("finishedS", seconds(fireAt, outcome.lastEnd()));
        result.put("drainRunsPerS", size / seconds(outcome.firstStart(), outcome.lastEnd()));
        // The same draining in two phases: while the nodes still fire (their inserts share the
        // database and the nodes' CPU with the claims), and after the last run was inserted.
        long endedWhileFiring =
            db.scalar(
                "SELECT COUNT(*) FROM job_runs WHERE scheduled_for = ? AND end_time <= ?",
                fireAt.toEpochMilli(),
                fired.toEpochMilli());
        result.put("endedWhileFiring", endedWhileFiring);
        result.put(
            "drainWhileFiringRunsPerS", endedWhileFiring / seconds(outcome.firstStart(), fired));
        result.put(
            "drainAfterFiringRunsPerS",
            (size - endedWhileFiring) / seconds(fired, outcome.lastEnd()));
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
          result.put("top", meter.topStatements(name, 12));
        }
        if (!sqlite) {
          result.put("autovacuums", FireStormReport.autovacuums(db));
        }
        if (!args0("--no-burn-down")) {
          settle();
          long from = db.scalar("SELECT COALESCE(MAX(id), 0) FROM job_runs");
          // From before the bulk insert: the database's CPU here includes the insert's, the
          // nodes' (which do not insert) only their draining.
          Instant burnFrom = Instant.now();
          double burnNodesCpu = fleet.cpuMillis();
          DbMeter.Snapshot burnBefore = null;
          if (!sqlite) {
            meter.resetStatements(name);
            burnBefore = meter.snapshot(name);
          }
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
          result.put("burnDownNodesCpuMsPerRun", (fleet.cpuMillis() - burnNodesCpu) / size);
          result.put(
              "burnDownSpan",
              List.of(Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1])));
          if (!sqlite) {
            double burnWall = Duration.between(burnFrom, Instant.now()).toMillis();
            DbMeter.Snapshot burnAfter = meter.snapshot(name);
            result.put(
                "burnDownDbCpuPct",
                100 * (burnAfter.cpuMillis() - burnBefore.cpuMillis()) / burnWall);
            result.put(
                "burnDownDbCpuMsPerRun", (burnAfter.cpuMillis() - burnBefore.cpuMillis()) / size);
            result.put("burnDownTop", meter.topStatements(name, 3));
            result.put("burnDownAutovacuums", FireStormReport.autovacuums(db));
          }
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

  /**
   * Small storms before the measured one ({@code --warm-up-storm N}, default 20,000 schedules in
   * storms of 2,000, half a second apart), so that the nodes have fired schedules and drained their
   * runs before, as a node has by 03:00 after a day of use. Without them the nodes meet the
   * firing's code first in the measured storm: its statements retrain the JIT's profiles of the
   * shared JDBC code, which is compiled again while the storm drains (measured with flight
   * recordings: 21 compilations of over 100 ms each, 4.7 s of compile time, on the three nodes
   * during one drain, against 1 during the burn-down after it).
   */
  private void warmUpStorms(ClusterDb db) throws Exception {
    int count = intOption(args, "--warm-up-storm", 20_000);
    if (count == 0) {
      return;
    }
    int perInstant = Math.min(count, 2_000);
    Instant first = Instant.now().plusSeconds(2);
    Duration every = Duration.ofMillis(500);
    db.createSchedules(count, job, "warm-up", first, perInstant, every);
    Instant last = first.plus(every.multipliedBy((count - 1) / perInstant));
    Duration timeout = Duration.ofSeconds(120 + count / 200);
    db.awaitFired(last, timeout);
    db.awaitDrained(timeout);
    settle();
  }

  /**
   * Waits {@code --settle-ms} (15,000) after a drained phase, before the next one: longer than the
   * claims' margin and the age of their lower bound (see ClaimFloor), so that the next phase's
   * claims start past the entries of the runs just claimed, and neither the storm nor the burn-down
   * after it also steps over the other's. Without it the burn-down after a storm walked 862 index
   * and heap blocks a claim, against 629 for the storm's own.
   */
  private void settle() throws InterruptedException {
    Thread.sleep(intOption(args, "--settle-ms", 15_000));
  }

  private boolean args0(String flag) {
    return List.of(args).contains(flag);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
