package io.suasor.bench;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaSchema;
import io.suasor.media.WorkTracker;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommendation;
import io.suasor.media.recommend.RecommendationReport;
import io.suasor.media.recommend.RecommendationService;
import io.suasor.media.recommend.RecommenderSettings;
import io.suasor.media.recommend.SuggestionSource;
import io.suasor.media.store.RecommendationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The recommendation benchmark of issue 13: generates a {@link TasteWorld} (a 100,000-item library
 * and 1,000 users with planted tastes, each user's last {@value TasteWorld#HIDDEN} plays hidden),
 * writes it into a fresh SQLite database, and runs {@link RecommendationService#recommendAll}, the
 * work of {@code system.recommendation}, timed. Then it measures, over each user's top {@value
 * #TOP} (a list of ten, as the users' preferences ask): the hit rate (the share of users of whom at
 * least one hidden title, or the artist of a hidden album, is in the list), the share of hidden
 * titles found, and the share of recommended titles the user had already finished (must be 0) or
 * played at all; and the same for a most-popular baseline in the same run: the ten titles the most
 * users played that the user has not played. Prints a markdown report; each round uses its own seed
 * (1, 2, 3, …). See docs/BENCHMARKS.md for the command.
 *
 * <p>Options: {@code --rounds N} (default 3), {@code --users N} (default 1000), {@code --scale F}
 * (library size factor, default 1), {@code --out FILE}.
 */
public final class RecommendationBench {
  static final int TOP = 10;

  private RecommendationBench() {}

  /** One list maker's measures over the users; {@code foundByKind} counts found titles by kind. */
  record Quality(
      double hitRate,
      double found,
      double finished,
      double played,
      Map<MediaType, Integer> foundByKind) {}

  record Round(
      double seconds,
      double loadSeconds,
      double fitSeconds,
      long peakHeapBytes,
      RecommendationReport report,
      Quality recommender,
      Quality baseline,
      Quality truth) {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int rounds = Integer.parseInt(option(options, "--rounds", "3"));
    int users = Integer.parseInt(option(options, "--users", "1000"));
    double scale = Double.parseDouble(option(options, "--scale", "1"));
    String out = option(options, "--out", null);
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    Path scratch = Files.createTempDirectory("suasor-recommendation-bench");
    List<Round> results = new ArrayList<>();
    long items = 0;
    long candidates = 0;
    try {
      for (int round = 1; round <= rounds; round++) {
        long generating = System.nanoTime();
        TasteWorld world = new TasteWorld(round, users, scale, now.toEpochMilli());
        items = world.items;
        candidates =
            world.movies.size() + world.series.size() + world.albums.size() + world.artists.size();
        try (Database database = Database.sqlite(scratch.resolve("round-" + round + ".db"))) {
          MediaSchema.migrate(database);
          new TasteWorldWriter(database, world, now.toEpochMilli()).write(TOP);
          System.err.printf(
              Locale.ROOT,
              "round %d: %,d items, %,d users written in %.1f s%n",
              round,
              world.items,
              users,
              (System.nanoTime() - generating) / 1e9);
          results.add(round(database, world, now));
        }
        Round last = results.get(results.size() - 1);
        System.err.printf(
            Locale.ROOT,
            "round %d: %.2f s, hit rate %.3f against %.3f, finished %.4f%n",
            round,
            last.seconds(),
            last.recommender().hitRate(),
            last.baseline().hitRate(),
            last.recommender().finished());
      }
    } finally {
      try (Stream<Path> files = Files.list(scratch)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(scratch);
    }
    String report = report(results, rounds, users, items, candidates);
    System.out.print(report);
    if (out != null) {
      Files.writeString(Path.of(out), report);
    }
  }

  private static Round round(Database database, TasteWorld world, Instant now) throws Exception {
    RecommendationService service =
        new RecommendationService(
            database,
            Clock.fixed(now, ZoneOffset.UTC),
            RecommenderSettings.defaults(),
            SuggestionSource.none());
    System.gc();
    HeapSampler heap = new HeapSampler();
    heap.start();
    LoadTimer tracker = new LoadTimer();
    long started = System.nanoTime();
    RecommendationReport report = service.recommendAll(1, tracker);
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = heap.finish();
    double load = (tracker.fitting.get() - started) / 1e9;
    double fit = (tracker.firstUser.get() - tracker.fitting.get()) / 1e9;
    if (report.usersRecommended() != world.users.size() || !report.failures().isEmpty()) {
      throw new IllegalStateException("not every user got recommendations: " + report);
    }
    RecommendationStore store = new RecommendationStore(database);
    Map<Long, Integer> popularity = popularity(world);
    List<Long> popularFirst =
        popularity.keySet().stream()
            .sorted(Comparator.comparing((Long id) -> -popularity.get(id)).thenComparing(id -> id))
            .toList();
    Map<Long, MediaType> kinds = new HashMap<>();
    for (List<TasteWorld.Title> titles :
        List.of(world.movies, world.series, world.albums, world.artists)) {
      titles.forEach(title -> kinds.put(title.id(), title.type()));
    }
    Tally recommender = new Tally(kinds);
    Tally baseline = new Tally(kinds);
    Tally truth = new Tally(kinds);
    for (TasteWorld.Person person : world.users) {
      Set<Long> played = new HashSet<>();
      Set<Long> finished = new HashSet<>();
      for (TasteWorld.Play play : person.played()) {
        played.add(play.title().id());
        if (play.title().artist() != 0) {
          played.add(play.title().artist());
        }
        if (!play.abandoned()) {
          finished.add(play.title().id());
        }
      }
      Set<Long> hits = new HashSet<>();
      for (TasteWorld.Play play : person.hidden()) {
        hits.add(play.title().id());
        if (play.title().artist() != 0 && !played.contains(play.title().artist())) {
          hits.add(play.title().artist());
        }
      }
      List<Long> recommended =
          store.byUser(person.index() + 1L, true, now, TOP).stream()
              .map(Recommendation::mediaItemId)
              .toList();
      recommender.add(recommended, person.hidden().size(), hits, played, finished);
      List<Long> popular =
          popularFirst.stream().filter(id -> !played.contains(id)).limit(TOP).toList();
      baseline.add(popular, person.hidden().size(), hits, played, finished);
      List<Long> likeliest =
          person.chance().entrySet().stream()
              .filter(e -> !played.contains(e.getKey()))
              .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
              .limit(TOP)
              .map(Map.Entry::getKey)
              .toList();
      truth.add(likeliest, person.hidden().size(), hits, played, finished);
    }
    return new Round(
        seconds,
        load,
        fit,
        peak,
        report,
        recommender.quality(),
        baseline.quality(),
        truth.quality());
  }

  /** How many users played each title in the data the recommender saw (an album's artist too). */
  private static Map<Long, Integer> popularity(TasteWorld world) {
    Map<Long, Set<Integer>> players = new HashMap<>();
    for (TasteWorld.Person person : world.users) {
      for (TasteWorld.Play play : person.played()) {
        players.computeIfAbsent(play.title().id(), id -> new HashSet<>()).add(person.index());
        if (play.title().artist() != 0) {
          players.computeIfAbsent(play.title().artist(), id -> new HashSet<>()).add(person.index());
        }
      }
    }
    Map<Long, Integer> popularity = new HashMap<>();
    players.forEach((id, who) -> popularity.put(id, who.size()));
    return popularity;
  }

  /** Adds up one recommender's lists over the users. */
  private static final class Tally {
    int users;
    int usersHit;
    int hidden;
    int found;
    int listed;
    int listedFinished;
    int listedPlayed;
    final Map<MediaType, Integer> foundByKind = new EnumMap<>(MediaType.class);
    private final Map<Long, MediaType> kinds;

    Tally(Map<Long, MediaType> kinds) {
      this.kinds = kinds;
    }

    void add(
        List<Long> list, int hiddenCount, Set<Long> hits, Set<Long> played, Set<Long> finished) {
      users++;
      hidden += hiddenCount;
      long hit = list.stream().filter(hits::contains).count();
      list.stream()
          .filter(hits::contains)
          .forEach(id -> foundByKind.merge(kinds.get(id), 1, Integer::sum));
      usersHit += hit > 0 ? 1 : 0;
      found += (int) Math.min(hit, hiddenCount);
      listed += list.size();
      listedFinished += (int) list.stream().filter(finished::contains).count();
      listedPlayed += (int) list.stream().filter(played::contains).count();
    }

    Quality quality() {
      return new Quality(
          (double) usersHit / users,
          (double) found / hidden,
          listed == 0 ? 0 : (double) listedFinished / listed,
          listed == 0 ? 0 : (double) listedPlayed / listed,
          foundByKind);
    }
  }

  /** Notes when the service, done loading the library, turns to its first user. */
  private static final class LoadTimer implements WorkTracker {
    final AtomicLong firstUser = new AtomicLong();
    final AtomicLong fitting = new AtomicLong();

    @Override
    public void total(long items) {}

    @Override
    public void advance(long items) {}

    @Override
    public void message(String text) {
      if (text.startsWith("choosing the taste half-life")) {
        fitting.compareAndSet(0, System.nanoTime());
      }
      if (text.startsWith("recommending for")) {
        firstUser.compareAndSet(0, System.nanoTime());
      }
    }

    @Override
    public boolean cancelled() {
      return false;
    }

    @Override
    public void stat(String key, long delta) {}
  }

  private static String report(
      List<Round> rounds, int roundCount, int users, long items, long candidates) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Library: %,d items (%,d titles to recommend: movies, series, albums, artists), %,d"
                + " users with planted tastes, %d plays of each hidden. Rounds: %d (seeds 1–%d),"
                + " each on a fresh SQLite database. JVM: %s, max heap %d MiB, %d processors.%n%n",
            items,
            candidates,
            users,
            TasteWorld.HIDDEN,
            roundCount,
            roundCount,
            System.getProperty("java.vm.version"),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            Runtime.getRuntime().availableProcessors()));
    text.append(
        "| list of 10 | hit rate | hidden titles found | already finished | already played |\n"
            + "|---|---|---|---|---|\n");
    text.append(quality("built-in recommender", rounds.stream().map(Round::recommender).toList()));
    text.append(quality("most popular (baseline)", rounds.stream().map(Round::baseline).toList()));
    text.append(
        quality("the generator's own odds (ceiling)", rounds.stream().map(Round::truth).toList()));
    text.append(
        "\nHits by kind of title, all rounds together:\n\n"
            + "| list of 10 | movies | series | albums | artists |\n|---|---|---|---|---|\n");
    text.append(byKind("built-in recommender", rounds.stream().map(Round::recommender).toList()));
    text.append(byKind("most popular (baseline)", rounds.stream().map(Round::baseline).toList()));
    text.append(byKind("the generator's own odds", rounds.stream().map(Round::truth).toList()));
    List<Double> ratios =
        rounds.stream().map(r -> r.recommender().hitRate() / r.baseline().hitRate()).toList();
    text.append(
        String.format(
            Locale.ROOT,
            "%nHit rate against the baseline's: %s.%n%n",
            MediaSyncBench.cell(ratios, "%.2f×")));
    text.append(
        "Taste half-life, per round (the recommender fits it on the users' latest titles):\n\n");
    for (int i = 0; i < rounds.size(); i++) {
      text.append(
          String.format(
              Locale.ROOT, "- seed %d: %s%n", i + 1, rounds.get(i).report().tasteHalfLife()));
    }
    text.append("\n");
    text.append(
        "| time | all users, s | library load, s | half-life fit, s | users/s | recommendations"
            + " | peak heap MiB |\n|---|---|---|---|---|---|---|\n");
    text.append(
        String.format(
            Locale.ROOT,
            "| SQLite | %s | %s | %s | %s | %s | %s |%n",
            MediaSyncBench.cell(rounds.stream().map(Round::seconds).toList(), "%.2f"),
            MediaSyncBench.cell(rounds.stream().map(Round::loadSeconds).toList(), "%.2f"),
            MediaSyncBench.cell(rounds.stream().map(Round::fitSeconds).toList(), "%.2f"),
            MediaSyncBench.cell(rounds.stream().map(r -> users / r.seconds()).toList(), "%,.0f"),
            MediaSyncBench.cell(
                rounds.stream().map(r -> (double) r.report().recommendationsMade()).toList(),
                "%,.0f"),
            MediaSyncBench.cell(
                rounds.stream().map(r -> r.peakHeapBytes() / (1024.0 * 1024.0)).toList(),
                "%,.0f")));
    return text.toString();
  }

  private static String byKind(String label, List<Quality> rounds) {
    StringBuilder row = new StringBuilder("| ").append(label);
    for (MediaType kind :
        List.of(MediaType.MOVIE, MediaType.SERIES, MediaType.ALBUM, MediaType.ARTIST)) {
      row.append(" | ")
          .append(rounds.stream().mapToInt(q -> q.foundByKind().getOrDefault(kind, 0)).sum());
    }
    return row.append(" |\n").toString();
  }

  private static String quality(String label, List<Quality> rounds) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s |%n",
        label,
        MediaSyncBench.cell(rounds.stream().map(Quality::hitRate).toList(), "%.3f"),
        MediaSyncBench.cell(rounds.stream().map(Quality::found).toList(), "%.3f"),
        MediaSyncBench.cell(rounds.stream().map(Quality::finished).toList(), "%.3f"),
        MediaSyncBench.cell(rounds.stream().map(Quality::played).toList(), "%.3f"));
  }

  private static String option(List<String> options, String name, String fallback) {
    int at = options.indexOf(name);
    return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
  }
}
