package io.suasor.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link PruneBench}'s template databases, one per layout of {@code job_runs}, and what the bench
 * reads off them besides the rounds: the partitioned one's conversion and key checks, the
 * statistics refresh's time, the claim's plans.
 */
final class PruneLayouts {
  static final String TEMPLATE = "suasor_prune_template_";
  static final String PLAIN = "plain";
  static final String PARTITIONED = "partitioned";

  private PruneLayouts() {}

  /** The plain template copied and converted by {@link RunPartitions}; what it found, as notes. */
  static List<String> partitionedTemplate(String adminUrl, Instant now) throws Exception {
    try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + TEMPLATE + PARTITIONED + " TEMPLATE " + TEMPLATE + PLAIN);
    }
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + TEMPLATE + PARTITIONED;
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      RunPartitions.Conversion conversion =
          RunPartitions.convert(c, now.minus(HistoryData.SPAN), now);
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE");
      }
      return List.of(
          "conversion (%s): %s, %.1f s in all"
              .formatted(ClusterBenchSupport.loadAverage(), conversion, conversion.total()),
          PARTITIONED + ": " + String.join("; ", PartitionChecks.run(c, now)),
          PartitionChecks.detachWithDefault(c));
    }
  }

  /**
   * How long the engine's refresh of the runs' statistics takes on a layout's template (three
   * times): the engine runs it after inserting 1,000 runs or more, and on a partitioned table it
   * analyses every partition too.
   */
  static String analyzeTimes(String adminUrl, String layout) throws Exception {
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + TEMPLATE + layout;
    List<String> times = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = c.createStatement()) {
      for (int i = 0; i < 3; i++) {
        long began = System.nanoTime();
        s.execute("ANALYZE (SKIP_LOCKED) job_runs");
        times.add("%.2f s".formatted((System.nanoTime() - began) / 1e9));
      }
    }
    return "%s: ANALYZE (SKIP_LOCKED) job_runs took %s (load %s)"
        .formatted(layout, String.join(", ", times), ClusterBenchSupport.loadAverage());
  }

  /**
   * The claim's plans on a copy of each layout's template with 20,000 runs pending, its text taken
   * from an engine that first burns down 2,000 runs there.
   */
  static List<String> claimPlans(
      String adminUrl, List<String> layouts, Instant now, BenchSettings settings) throws Exception {
    List<String> lines = new ArrayList<>(List.of("", "Claim plans, 20,000 runs pending:"));
    try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
        Statement s = admin.createStatement()) {
      for (String layout : layouts) {
        String name = "suasor_prune_plan_" + layout;
        s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + layout);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        Optional<String> claim;
        try (SuasorContender engine =
            new SuasorContender(Target.postgres(url), settings, settings.pollInterval())) {
          engine.createDueNow(2_000, false);
          Probe.reset(2_000);
          engine.start();
          // Read while the runs are claimed: a session shows only the last statement it ran.
          claim = Optional.empty();
          while (claim.isEmpty() && !Probe.await(Duration.ofMillis(2))) {
            claim = ClaimPlan.claimText(admin, name);
          }
          if (!Probe.await(Duration.ofSeconds(120))) {
            throw new IllegalStateException("the engine ran " + Probe.executions() + " of 2,000");
          }
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
          lines.addAll(List.of("", "```", "-- " + layout));
          if (claim.isPresent()) {
            lines.addAll(ClaimPlan.explain(c, claim.get(), 20_000, now));
          } else {
            lines.add("no claim seen in pg_stat_activity");
          }
          lines.add("```");
        }
        s.execute("DROP DATABASE " + name + " WITH (FORCE)");
      }
    }
    return lines;
  }
}
