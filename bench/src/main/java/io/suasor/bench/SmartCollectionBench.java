package io.suasor.bench;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaSchema;
import io.suasor.media.WorkTracker;
import io.suasor.media.collections.RuleParser;
import io.suasor.media.collections.SmartCollectionReport;
import io.suasor.media.collections.SmartCollectionService;
import io.suasor.media.collections.SmartRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The smart collections benchmark of issue 14, on the recommendation benchmark's library ({@link
 * TasteWorld}: 100,000 items, 1,000 users with 25 to 85 titles of history each) in a fresh SQLite
 * database: the time of each kind of rule evaluated for one user (median of {@code --repeat}
 * evaluations, after one to warm up), then the work of {@code system.smart.collections} over every
 * user: a first run that makes each user's default collections from their activity and fills them,
 * and a second run that finds nothing changed. Prints a markdown report; see docs/BENCHMARKS.md for
 * the command.
 *
 * <p>Options: {@code --users N} (default 1000), {@code --scale F} (library size factor, default 1),
 * {@code --repeat N} (default 21), {@code --out FILE}, {@code --keep} (leave the database for
 * inspection, and say where).
 */
public final class SmartCollectionBench {
  /** Rules of each kind a user would write, as JSON documents. */
  static final Map<String, String> RULES = new LinkedHashMap<>();

  static {
    RULES.put("genre, by rating", "{\"rules\":{\"genre\":\"Drama\"},\"sort\":\"rating\"}");
    RULES.put(
        "director, by year",
        "{\"rules\":{\"person\":{\"name\":\"Director 0001\",\"role\":\"director\"}},\"sort\":\"year\"}");
    RULES.put(
        "decade and rating, movies",
        "{\"rules\":{\"all\":[{\"type\":\"movie\"},{\"decade\":1990},{\"rating\":{\"min\":7}}]}}");
    RULES.put(
        "unwatched movies, recently added",
        "{\"rules\":{\"all\":[{\"type\":\"movie\"},{\"status\":\"unwatched\"}]},\"sort\":\"added\"}");
    RULES.put(
        "series in progress",
        "{\"rules\":{\"all\":[{\"type\":\"series\"},{\"status\":\"inProgress\"}]},"
            + "\"sort\":\"lastPlayed\"}");
    RULES.put(
        "seasonal window and genres",
        "{\"rules\":{\"all\":[{\"type\":\"movie\"},{\"genre\":[\"Family\",\"Comedy\"]},"
            + "{\"season\":{\"from\":\"12-15\",\"to\":\"01-06\"}}]}}");
    RULES.put(
        "any of genres, not watched, random",
        "{\"rules\":{\"all\":[{\"any\":[{\"genre\":\"Horror\"},{\"genre\":\"Thriller\"}]},"
            + "{\"not\":{\"status\":\"watched\"}},{\"type\":[\"movie\",\"series\"]}]},"
            + "\"sort\":\"random\",\"limit\":50}");
    RULES.put("favourites, last played", "{\"rules\":{\"favorite\":true},\"sort\":\"lastPlayed\"}");
  }

  private SmartCollectionBench() {}

  record Timed(String rule, double medianMillis, double maxMillis, long matched) {}

  record Run(double seconds, SmartCollectionReport report) {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    int users = Integer.parseInt(option(options, "--users", "1000"));
    double scale = Double.parseDouble(option(options, "--scale", "1"));
    int repeat = Integer.parseInt(option(options, "--repeat", "21"));
    String out = option(options, "--out", null);
    boolean keep = options.contains("--keep");
    // December, so that the seasonal rule's window is open and it is evaluated in full.
    Instant now = Instant.parse("2026-12-20T12:00:00Z");
    Path scratch = Files.createTempDirectory("suasor-smart-collection-bench");
    String report;
    try (Database database = Database.sqlite(scratch.resolve("bench.db"))) {
      TasteWorld world = new TasteWorld(1, users, scale, now.toEpochMilli());
      MediaSchema.migrate(database);
      new TasteWorldWriter(database, world, now.toEpochMilli()).write(10);
      System.err.printf(Locale.ROOT, "%,d items, %,d users written%n", world.items, users);
      SmartCollectionService service =
          new SmartCollectionService(database, Clock.fixed(now, ZoneOffset.UTC));
      List<Timed> rules = rules(service, repeat);
      Run first = run(service);
      Run second = run(service);
      report = report(world.items, users, repeat, rules, first, second);
    } finally {
      if (keep) {
        System.err.println("database kept at " + scratch.resolve("bench.db"));
      } else {
        delete(scratch);
      }
    }
    System.out.print(report);
    if (out != null) {
      Files.writeString(Path.of(out), report);
    }
  }

  private static void delete(Path scratch) throws java.io.IOException {
    try (Stream<Path> files = Files.list(scratch)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(scratch);
  }

  private static List<Timed> rules(SmartCollectionService service, int repeat) {
    List<Timed> timed = new ArrayList<>();
    for (Map.Entry<String, String> rule : RULES.entrySet()) {
      SmartRules rules = RuleParser.parse(rule.getValue());
      long user = 1;
      service.evaluate(rules, user);
      double[] millis = new double[repeat];
      for (int i = 0; i < repeat; i++) {
        long started = System.nanoTime();
        service.evaluate(rules, user);
        millis[i] = (System.nanoTime() - started) / 1e6;
      }
      Arrays.sort(millis);
      timed.add(
          new Timed(
              rule.getKey(), millis[repeat / 2], millis[repeat - 1], service.count(rules, user)));
      System.err.printf(Locale.ROOT, "%s: %.1f ms%n", rule.getKey(), millis[repeat / 2]);
    }
    return timed;
  }

  private static Run run(SmartCollectionService service) {
    long started = System.nanoTime();
    SmartCollectionReport report = service.refreshAll(WorkTracker.none());
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!report.failures().isEmpty()) {
      throw new IllegalStateException("collections failed: " + report.failures());
    }
    System.err.printf(Locale.ROOT, "run: %.2f s, %s%n", seconds, report.collectionsEvaluated());
    return new Run(seconds, report);
  }

  private static String report(
      long items, int users, int repeat, List<Timed> rules, Run first, Run second) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Library: %,d items, %,d users. SQLite. JVM: %s, %d processors.%n%n",
            items,
            users,
            System.getProperty("java.vm.version"),
            Runtime.getRuntime().availableProcessors()));
    text.append("| rule (one user) | matches | median ms of ")
        .append(repeat)
        .append(" | slowest ms |\n|---|---|---|---|\n");
    for (Timed rule : rules) {
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.1f | %.1f |%n",
              rule.rule(),
              rule.matched(),
              rule.medianMillis(),
              rule.maxMillis()));
    }
    text.append("\n| run of system.smart.collections | s | collections | per collection, ms")
        .append(" | changed | items added | items removed | defaults made |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Run> run :
        Map.of("first", first, "second", second).entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .toList()) {
      SmartCollectionReport r = run.getValue().report();
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %,d | %.2f | %,d | %,d | %,d | %,d |%n",
              run.getKey(),
              run.getValue().seconds(),
              r.collectionsEvaluated(),
              run.getValue().seconds() * 1000 / Math.max(1, r.collectionsEvaluated()),
              r.collectionsChanged(),
              r.itemsAdded(),
              r.itemsRemoved(),
              r.collectionsSeeded()));
    }
    return text.toString();
  }

  private static String option(List<String> options, String name, String fallback) {
    int at = options.indexOf(name);
    return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
  }
}
