package io.suasor.bench;

import static io.suasor.bench.ClusterBenchSupport.cell;
import static io.suasor.bench.ClusterBenchSupport.collect;
import static io.suasor.bench.ClusterBenchSupport.fleet;
import static io.suasor.bench.ClusterBenchSupport.intOption;
import static io.suasor.bench.ClusterBenchSupport.intsOption;
import static io.suasor.bench.ClusterBenchSupport.option;
import static io.suasor.bench.ClusterBenchSupport.values;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 16's many nodes: a burn-down on 1, 2, 3, 5, 10 engine nodes (processes) on one PostgreSQL.
 * Each round on a fresh database: the nodes start and drain 2,000 runs (warm-up), then N no-op runs
 * due now are inserted at once (the repository's bulk insert) and the clock runs from the first
 * start to the last end. Beside runs/s: the connections open and active (pg_stat_activity, sampled
 * every 100 ms), the database server's and the nodes' CPU (from /proc, as cores busy), and
 * statements per run. The node counts of one round run one after the other, and the rounds repeat
 * that series, so that the machine's load drifts across all counts alike.
 *
 * <p>Options: {@code --nodes 1,2,3,5,10}, {@code --runs 20000}, {@code --rounds 1}, {@code
 * --workers 4}, {@code --pool 8}, {@code --poll-ms 1000}, {@code --job free|user}.
 */
public final class ManyNodesBench {
  private final String[] args;
  private final DbMeter meter;
  private final String adminUrl;
  private int databases;

  private ManyNodesBench(String[] args, String adminUrl) throws Exception {
    this.args = args;
    this.adminUrl = adminUrl;
    this.meter = new DbMeter(adminUrl);
  }

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres server = ClusterBenchSupport.startPostgres();
    new ManyNodesBench(args, ClusterBenchSupport.adminUrl(server)).runAll();
    System.exit(0);
  }

  private void runAll() throws Exception {
    List<Map<String, Object>> results = new ArrayList<>();
    int rounds = intOption(args, "--rounds", 1);
    for (int round = 1; round <= rounds; round++) {
      for (int nodes : intsOption(args, "--nodes", "1,2,3,5,10")) {
        collect(results, round(nodes), round);
      }
    }
    System.out.println(table(results));
  }

  private Map<String, Object> round(int nodes) throws Exception {
    int runs = intOption(args, "--runs", 20_000);
    boolean perUser = option(args, "--job", "free").equals("user");
    String job = perUser ? ClusterNode.USER_JOB : ClusterNode.FREE_JOB;
    String name = "nodes_" + ++databases;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("nodes", nodes);
    result.put("load", ClusterBenchSupport.loadAverage());
    try (ClusterDb db = ClusterDb.postgres(meter.createDatabase(name))) {
      db.createRunsDueNow(2_000, job, perUser);
      try (NodeFleet fleet = fleet(args, db, nodes, "nodes")) {
        fleet.awaitReady();
        Duration timeout = Duration.ofSeconds(120 + runs / 200);
        db.awaitDrained(timeout);
        long from = db.scalar("SELECT COALESCE(MAX(id), 0) FROM job_runs");
        meter.resetStatements(name);
        DbMeter.Snapshot before = meter.snapshot(name);
        double nodesCpu = fleet.cpuMillis();
        long started = System.nanoTime();
        ActivitySampler sampler = new ActivitySampler(adminUrl, name);
        db.createRunsDueNow(runs, job, perUser);
        db.awaitDrained(timeout);
        double wallMillis = (System.nanoTime() - started) / 1e6;
        ActivitySampler.Activity activity = sampler.finish();
        DbMeter.Snapshot after = meter.snapshot(name);
        long[] span = db.span(from);
        result.put("runsPerS", runs / ((span[1] - span[0]) / 1000.0));
        result.put("maxOpen", activity.maxOpen());
        result.put("maxActive", activity.maxActive());
        result.put("meanActive", activity.meanActive());
        result.put("dbCores", (after.cpuMillis() - before.cpuMillis()) / wallMillis);
        result.put("nodesCores", (fleet.cpuMillis() - nodesCpu) / wallMillis);
        result.put("statementsPerRun", (after.calls() - before.calls()) / (double) runs);
        result.put("dbCpuMsPerRun", (after.cpuMillis() - before.cpuMillis()) / runs);
        result.put("share", db.runsPerNode(from).values());
        result.put("top", meter.topStatements(name, 4));
        fleet.stop();
      }
    } finally {
      meter.dropDatabase(name);
    }
    return result;
  }

  private String table(List<Map<String, Object>> results) {
    Map<Object, List<Map<String, Object>>> byNodes = new LinkedHashMap<>();
    results.forEach(r -> byNodes.computeIfAbsent(r.get("nodes"), k -> new ArrayList<>()).add(r));
    double one =
        byNodes.containsKey(1)
            ? Stats.median(values(byNodes.get(1), "runsPerS")).orElse(Double.NaN)
            : Double.NaN;
    StringBuilder out = new StringBuilder();
    out.append(
        "\n| nodes | rounds | runs/s | × one node | connections open (max) | active (max / mean)"
            + " | DB server CPU, cores | nodes' CPU, cores | statements/run | DB CPU ms/run |\n"
            + "|---|---|---|---|---|---|---|---|---|---|\n");
    byNodes.forEach(
        (nodes, rows) ->
            out.append(
                String.format(
                    "| %d | %d | %s | %.2f | %s | %s / %s | %s | %s | %s | %s |%n",
                    (Integer) nodes,
                    rows.size(),
                    cell(values(rows, "runsPerS"), "%,.0f"),
                    Stats.median(values(rows, "runsPerS")).orElse(Double.NaN) / one,
                    cell(values(rows, "maxOpen"), "%.0f"),
                    cell(values(rows, "maxActive"), "%.0f"),
                    cell(values(rows, "meanActive"), "%.1f"),
                    cell(values(rows, "dbCores"), "%.2f"),
                    cell(values(rows, "nodesCores"), "%.2f"),
                    cell(values(rows, "statementsPerRun"), "%.2f"),
                    cell(values(rows, "dbCpuMsPerRun"), "%.3f"))));
    return out.toString();
  }
}
