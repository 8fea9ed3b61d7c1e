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
 * whose start lateness is measured (inserted before pruning starts, the first due {@code --lead-ms}
 * later; batch size 0 prunes nothing, the baseline). Each round starts from a copy of one generated
 * template database; rounds alternate the batch sizes of {@code --batches}.
 *
 * <p>Options: {@code --old 1000000}, {@code --recent 200000}, {@code --batches 1000,10000}, {@code
 * --repeats 3}, {@code --burn-down 20000}, {@code --lateness 2000}, {@code --window-s 5}, {@code
 * --lead-ms 1000}, {@code --out FILE}.
 */
public final class PruneBench {
  private static final String TEMPLATE = "suasor_prune_template";
  private static final Duration RETENTION = Duration.ofDays(30);

  record Round(
      int batchSize,
      long pruned,
      double seconds,
      double burnDownSeconds,
      double p50,
      double p99,
      double max) {}

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
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("max_connections", "200")
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
    String adminUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    Instant now = Instant.now();
    List<Round> rounds = new ArrayList<>();
    try (DbMeter meter = new DbMeter(adminUrl)) {
      String templateUrl = meter.createDatabase(TEMPLATE);
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
      }
      BenchSettings settings = BenchSettings.full();
      for (int round = 0; round <= repeats; round++) {
        for (int batch : batches) {
          String name = "suasor_prune_" + round + "_" + batch;
          try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres");
              Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
          }
          String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
          Round measured =
              pruneRound(url, settings, batch, now, burnDown, lateness, window, lead, round);
          System.err.printf("  round %d: %s%n", round, measured);
          if (round > 0) {
            rounds.add(measured);
          }
          meter.dropDatabase(name);
        }
      }
    }
    String text = PruneReport.render(rounds, String.join(" ", args));
    System.out.print(text);
    String out = Harness.option(options, "--out", null);
    if (out != null) {
      Files.writeString(Path.of(out), text, StandardCharsets.UTF_8);
    }
    System.exit(0);
  }

  private static Round pruneRound(
      String url,
      BenchSettings settings,
      int batch,
      Instant now,
      int burnDown,
      int latenessRuns,
      Duration window,
      Duration lead,
      int round)
      throws Exception {
    try (SuasorContender engine =
            new SuasorContender(Target.postgres(url), settings, settings.pollInterval());
        Database pruning = Database.postgres(url, "postgres", "postgres", 2)) {
      JdbcJobRepository repository = new JdbcJobRepository(pruning);
      engine.createDueNow(burnDown, false);
      Probe.reset(burnDown + latenessRuns);
      engine.start();
      long started = System.nanoTime();
      // Inserted at once, before the first falls due, so that they all fall due while pruning goes
      // on: one by one they took seconds on the loaded machine, longer than pruning itself.
      Instant first = Instant.now().plus(lead);
      SplittableRandom random = new SplittableRandom(round);
      List<NewRun> dues = new ArrayList<>();
      for (int i = 0; i < latenessRuns; i++) {
        Instant due = first.plusMillis(random.nextLong(window.toMillis()));
        dues.add(
            NewRun.of(SuasorContender.NOOP, JobType.SYSTEM, Trigger.MANUAL, due)
                .withParameters("{\"due\":" + due.toEpochMilli() + "}")
                .withConcurrencyLimit(NewRun.UNLIMITED));
      }
      repository.createJobRuns(dues, Instant.now());
      if (latenessRuns > 0 && Instant.now().isAfter(first)) {
        throw new IllegalStateException(
            "inserting the due runs took longer than --lead-ms; give a longer --lead-ms");
      }
      long pruningFrom = System.nanoTime();
      long pruned = 0;
      int last = batch;
      // Batch 0 prunes nothing: the engine alone, the baseline of the same run.
      while (batch > 0 && last == batch) {
        last = repository.pruneRuns(now.minus(RETENTION), batch);
        pruned += last;
      }
      double seconds = (System.nanoTime() - pruningFrom) / 1e9;
      if (!Probe.await(window.plus(Duration.ofSeconds(120)))) {
        throw new IllegalStateException(
            "the engine ran " + Probe.executions() + " of " + (burnDown + latenessRuns));
      }
      double all = (System.nanoTime() - started) / 1e9;
      long[] late = Probe.lateness();
      Arrays.sort(late);
      return new Round(
          batch,
          pruned,
          seconds,
          all,
          ContenderMain.percentile(late, 50),
          ContenderMain.percentile(late, 99),
          late.length == 0 ? Double.NaN : late[late.length - 1]);
    }
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("could not stop PostgreSQL: " + e);
    }
  }
}
