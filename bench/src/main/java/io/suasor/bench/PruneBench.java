package io.suasor.bench;

import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Issue 16's pruning target: the maintenance's run pruning (the loop of {@code
 * DatabaseMaintenanceService}: {@link JdbcJobRepository#pruneRuns} until a batch comes back short)
 * removes {@code --old} runs past the 30 days' retention from a history that also holds {@code
 * --recent} runs within it, while the engine, started on the same database, burns down {@code
 * --burn-down} runs due now and starts runs due at random instants over the expected pruning time,
 * whose start lateness is measured (inserted before pruning starts, which waits until the first
 * falls due, {@code --lead-ms} after the insert began; batch size 0 prunes nothing, the baseline).
 * Each round starts from a copy of one generated template database; rounds alternate the layouts of
 * {@code --layouts} and the batch sizes of {@code --batches}. The layout {@code partitioned} is a
 * copy of the template converted by {@link RunPartitions}: pruning there first drops the partitions
 * wholly past retention, then deletes the rest in batches. After the rounds, the claim's plans on
 * each layout ({@link ClaimPlan}).
 *
 * <p>Options: {@code --old 1000000}, {@code --recent 200000}, {@code --layouts plain} ({@code
 * plain,partitioned}), {@code --batches 1000,10000}, {@code --repeats 3}, {@code --burn-down
 * 20000}, {@code --lateness 2000}, {@code --window-s 5}, {@code --lead-ms 1000}, {@code
 * --prune-first} (prune before the engine starts, then vacuum: the engine measured on the pruned
 * table), {@code --out FILE}.
 */
public final class PruneBench {
  private static final String TEMPLATE = PruneLayouts.TEMPLATE;
  private static final String PLAIN = PruneLayouts.PLAIN;
  private static final String PARTITIONED = PruneLayouts.PARTITIONED;
  private static final Duration RETENTION = Duration.ofDays(30);

  record Round(
      String layout,
      int batchSize,
      long pruned,
      long dropped,
      double seconds,
      double burnDownSeconds,
      double runsPerSecond,
      double cpuMsPerRun,
      double p50,
      double p99,
      double max,
      int dueDuring,
      double p99During,
      double insertSeconds,
      double load) {}

  /** One round's database and what it measures. */
  private record Setup(
      String layout,
      String url,
      String name,
      int batch,
      Instant now,
      int burnDown,
      int lateness,
      Duration window,
      Duration lead,
      int round,
      boolean pruneFirst) {}

  private PruneBench() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    long old = Long.parseLong(Harness.option(options, "--old", "1000000"));
    long recent = Long.parseLong(Harness.option(options, "--recent", "200000"));
    int repeats = Integer.parseInt(Harness.option(options, "--repeats", "3"));
    int burnDown = Integer.parseInt(Harness.option(options, "--burn-down", "20000"));
    int lateness = Integer.parseInt(Harness.option(options, "--lateness", "2000"));
    Duration window =
        Duration.ofSeconds(Long.parseLong(Harness.option(options, "--window-s", "5")));
    Duration lead = Duration.ofMillis(Long.parseLong(Harness.option(options, "--lead-ms", "1000")));
    List<Integer> batches =
        Arrays.stream(Harness.option(options, "--batches", "1000,10000").split(","))
            .map(Integer::parseInt)
            .toList();
    boolean pruneFirst = options.contains("--prune-first");
    List<String> layouts = Arrays.asList(Harness.option(options, "--layouts", PLAIN).split(","));
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("max_connections", "200")
            // ClaimPlan reads the claim's whole text from pg_stat_activity (1,024 bytes by
            // default).
            .setServerConfig("track_activity_query_size", "16384")
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
    String adminUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    Instant now = Instant.now();
    List<Round> rounds = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (DbMeter meter = new DbMeter(adminUrl)) {
      String templateUrl = meter.createDatabase(TEMPLATE + PLAIN);
      try (Database database = Database.postgres(templateUrl, "postgres", "postgres", 2)) {
        JdbcJobRepository.migrate(database);
      }
      try (Connection c = DriverManager.getConnection(templateUrl, "postgres", "postgres")) {
        Instant oldest = now.minus(HistoryData.SPAN);
        Duration oldSpan = Duration.between(oldest, now.minus(RETENTION).minus(Duration.ofDays(1)));
        System.err.printf("generating %,d old and %,d recent runs%n", old, recent);
        HistoryData.fill(c, old, oldest, oldSpan);
        HistoryData.fill(
            c, recent, now.minus(RETENTION).plus(Duration.ofDays(1)), Duration.ofDays(28));
        notes.add(PLAIN + ": " + String.join("; ", PartitionChecks.run(c, now)));
      }
      if (layouts.contains(PARTITIONED)) {
        notes.addAll(PruneLayouts.partitionedTemplate(adminUrl, now));
      }
      for (String layout : layouts) {
        notes.add(PruneLayouts.analyzeTimes(adminUrl, layout));
      }
      notes.forEach(System.err::println);
      BenchSettings settings = BenchSettings.full();
      for (int round = 0; round <= repeats; round++) {
        for (String layout : layouts) {
          for (int batch : batches) {
            String name = "suasor_prune_" + round + "_" + layout + "_" + batch;
            try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
                Statement s = admin.createStatement()) {
              s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + layout);
            }
            String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
            Setup setup =
                new Setup(
                    layout,
                    url,
                    name,
                    batch,
                    now,
                    burnDown,
                    lateness,
                    window,
                    lead,
                    round,
                    pruneFirst);
            Round measured = pruneRound(setup, settings, meter);
            System.err.printf("  round %d: %s%n", round, measured);
            if (round > 0) {
              rounds.add(measured);
            }
            meter.dropDatabase(name);
          }
        }
      }
    }
    String text =
        PruneReport.render(rounds, String.join(" ", args), notes)
            + String.join(
                "\n", PruneLayouts.claimPlans(adminUrl, layouts, now, BenchSettings.full()))
            + "\n";
    System.out.print(text);
    String out = Harness.option(options, "--out", null);
    if (out != null) {
      Files.writeString(Path.of(out), text, StandardCharsets.UTF_8);
    }
    System.exit(0);
  }

  private static Round pruneRound(Setup setup, BenchSettings settings, DbMeter meter)
      throws Exception {
    int expected = setup.burnDown() + setup.lateness();
    try (SuasorContender engine =
            new SuasorContender(Target.postgres(setup.url()), settings, settings.pollInterval());
        Database pruning = Database.postgres(setup.url(), "postgres", "postgres", 2);
        Connection dropping = DriverManager.getConnection(setup.url(), "postgres", "postgres")) {
      JdbcJobRepository repository = new JdbcJobRepository(pruning);
      // --prune-first: the engine measured on the pruned table, as it runs between prunings (the
      // table vacuumed as autovacuum would), against the same on the other layout.
      long[] prunedFirst = {0, 0};
      long firstFrom = System.currentTimeMillis();
      if (setup.pruneFirst()) {
        prunedFirst = prune(setup, repository, dropping);
      }
      long firstTo = System.currentTimeMillis();
      if (setup.pruneFirst()) {
        try (Statement s = dropping.createStatement()) {
          s.execute("VACUUM ANALYZE job_runs");
        }
      }
      engine.createDueNow(setup.burnDown(), false);
      Probe.reset(expected);
      DbMeter.Snapshot before = meter.snapshot(setup.name());
      engine.start();
      long started = System.nanoTime();
      // Inserted at once, before the first falls due, so that they all fall due while pruning goes
      // on: one by one they took seconds on the loaded machine, longer than pruning itself.
      Instant first = Instant.now().plus(setup.lead());
      SplittableRandom random = new SplittableRandom(setup.round());
      List<NewRun> dues = new ArrayList<>();
      for (int i = 0; i < setup.lateness(); i++) {
        Instant due = first.plusMillis(random.nextLong(setup.window().toMillis()));
        dues.add(
            NewRun.of(SuasorContender.NOOP, JobType.SYSTEM, Trigger.MANUAL, due)
                .withParameters("{\"due\":" + due.toEpochMilli() + "}")
                .withConcurrencyLimit(NewRun.UNLIMITED));
      }
      long inserting = System.nanoTime();
      repository.createJobRuns(dues, Instant.now());
      double insertSeconds = (System.nanoTime() - inserting) / 1e9;
      if (setup.lateness() > 0 && Instant.now().isAfter(first)) {
        throw new IllegalStateException(
            "inserting the due runs took longer than --lead-ms; give a longer --lead-ms");
      }
      // Pruning starts as the first run falls due, so that the runs due while it goes on are the
      // first ones whatever the time it takes (dropping partitions takes a second or two).
      Thread.sleep(Math.max(0, Duration.between(Instant.now(), first).toMillis()));
      long pruningFrom = System.currentTimeMillis();
      long[] prunedDuring =
          setup.pruneFirst() ? new long[] {0, 0} : prune(setup, repository, dropping);
      long pruningTo = System.currentTimeMillis();
      if (setup.pruneFirst()) {
        pruningFrom = firstFrom;
        pruningTo = firstTo;
      }
      long pruned = prunedFirst[0] + prunedDuring[0];
      long dropped = prunedFirst[1] + prunedDuring[1];
      if (!Probe.await(setup.window().plus(Duration.ofSeconds(120)))) {
        throw new IllegalStateException("the engine ran " + Probe.executions() + " of " + expected);
      }
      double all = (System.nanoTime() - started) / 1e9;
      DbMeter.Snapshot after = meter.snapshot(setup.name());
      long[] late = Probe.lateness();
      long[] due = Probe.dues();
      List<Long> during = new ArrayList<>();
      for (int i = 0; i < late.length; i++) {
        if (due[i] >= pruningFrom && due[i] <= pruningTo) {
          during.add(late[i]);
        }
      }
      long[] lateDuring = during.stream().mapToLong(Long::longValue).sorted().toArray();
      Arrays.sort(late);
      return new Round(
          setup.layout(),
          setup.batch(),
          pruned,
          dropped,
          (pruningTo - pruningFrom) / 1e3,
          all,
          expected / all,
          (after.cpuMillis() - before.cpuMillis()) / expected,
          ContenderMain.percentile(late, 50),
          ContenderMain.percentile(late, 99),
          late.length == 0 ? Double.NaN : late[late.length - 1],
          lateDuring.length,
          ContenderMain.percentile(lateDuring, 99),
          insertSeconds,
          Double.parseDouble(ClusterBenchSupport.loadAverage()));
    }
  }

  /**
   * Prunes as the maintenance would: on the partitioned layout the expired partitions first, then
   * batches until one comes back short (batch 0 prunes nothing, the baseline). Returns the runs
   * removed and, of them, those in dropped partitions.
   */
  private static long[] prune(Setup setup, JdbcJobRepository repository, Connection dropping)
      throws Exception {
    Instant cutoff = setup.now().minus(RETENTION);
    long dropped = 0;
    if (setup.batch() > 0 && setup.layout().equals(PARTITIONED)) {
      dropped = RunPartitions.dropExpired(dropping, cutoff).runs();
    }
    long pruned = dropped;
    int last = setup.batch();
    while (setup.batch() > 0 && last == setup.batch()) {
      last = repository.pruneRuns(cutoff, setup.batch());
      pruned += last;
    }
    return new long[] {pruned, dropped};
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("could not stop PostgreSQL: " + e);
    }
  }
}
