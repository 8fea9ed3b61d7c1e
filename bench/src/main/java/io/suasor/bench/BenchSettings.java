package io.suasor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes and the settings every contender shares. {@link #small()} fits in under five minutes on
 * two cores; {@link #full()} is the specification.
 *
 * @param mode "small" or "full"
 * @param burnDownRuns no-op runs due now per burn-down round (scenarios 1 and 2)
 * @param latenessRuns runs due at random instants per lateness round (scenario 3)
 * @param latenessWindow the span their due instants are spread over
 * @param idleWindow how long idle load is measured (scenario 4)
 * @param latenessLead how long before the first due instant the lateness runs are created
 * @param settle how long a started contender runs before lateness or idle load is measured
 * @param repeats measured rounds per scenario, after one warm-up round
 * @param poolSize database connections of every contender
 * @param workerThreads threads that execute runs, in every contender
 * @param pollInterval the polling interval of every contender (the nearest equivalent setting)
 */
public record BenchSettings(
    String mode,
    int burnDownRuns,
    int latenessRuns,
    Duration latenessWindow,
    Duration idleWindow,
    Duration latenessLead,
    Duration settle,
    int repeats,
    int poolSize,
    int workerThreads,
    Duration pollInterval) {

  public static final int POOL_SIZE = 8;
  public static final int WORKER_THREADS = 4;
  public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  public static BenchSettings small() {
    return new BenchSettings(
        "small",
        1_000,
        300,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofMillis(1500),
        Duration.ofMillis(500),
        3,
        POOL_SIZE,
        WORKER_THREADS,
        POLL_INTERVAL);
  }

  public static BenchSettings full() {
    return new BenchSettings(
        "full",
        20_000,
        2_000,
        Duration.ofSeconds(20),
        Duration.ofSeconds(30),
        Duration.ofSeconds(3),
        Duration.ofSeconds(2),
        3,
        POOL_SIZE,
        WORKER_THREADS,
        POLL_INTERVAL);
  }

  /** A few runs of each kind, to check that a contender works at all (the smoke test). */
  public static BenchSettings tiny() {
    return new BenchSettings(
        "tiny",
        50,
        20,
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        Duration.ofMillis(500),
        Duration.ofMillis(200),
        1,
        POOL_SIZE,
        WORKER_THREADS,
        POLL_INTERVAL);
  }

  public static BenchSettings forMode(String mode) {
    return switch (mode) {
      case "tiny" -> tiny();
      case "small" -> small();
      case "full" -> full();
      default ->
          throw new IllegalArgumentException(
              "--mode must be 'small' or 'full', was '" + mode + "'");
    };
  }

  /** The same settings with {@code rounds} measured rounds per scenario. */
  public BenchSettings withRepeats(int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("--repeats must be at least 1, was " + rounds);
    }
    return new BenchSettings(
        mode,
        burnDownRuns,
        latenessRuns,
        latenessWindow,
        idleWindow,
        latenessLead,
        settle,
        rounds,
        poolSize,
        workerThreads,
        pollInterval);
  }

  /** The warm-up round's burn-down size: enough to compile the hot paths, half a measured round. */
  public int warmUpRuns() {
    return Math.max(50, burnDownRuns / 2);
  }

  /** The settings as "name: value" lines, for the report. */
  public Map<String, String> describe() {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("mode", mode);
    lines.put("burn-down runs per round", String.valueOf(burnDownRuns));
    lines.put(
        "lateness runs per round",
        latenessRuns
            + " due at uniformly random instants over "
            + latenessWindow.toSeconds()
            + " s");
    lines.put("idle window", idleWindow.toMillis() / 1000.0 + " s, one round");
    lines.put(
        "lateness timing",
        "contender started, "
            + settle.toMillis()
            + " ms settle, runs created "
            + latenessLead.toMillis()
            + " ms before the first due instant");
    lines.put("rounds", "1 warm-up (discarded) + " + repeats + " measured, median reported");
    lines.put("connection pool", poolSize + " connections (HikariCP) per contender");
    lines.put("worker threads", String.valueOf(workerThreads));
    lines.put("polling interval", pollInterval.toMillis() + " ms");
    return lines;
  }

  List<String> toArgs() {
    List<String> args = new ArrayList<>();
    args.add(mode);
    args.add(String.valueOf(burnDownRuns));
    args.add(String.valueOf(latenessRuns));
    args.add(String.valueOf(latenessWindow.toMillis()));
    args.add(String.valueOf(idleWindow.toMillis()));
    args.add(String.valueOf(latenessLead.toMillis()));
    args.add(String.valueOf(settle.toMillis()));
    args.add(String.valueOf(repeats));
    args.add(String.valueOf(poolSize));
    args.add(String.valueOf(workerThreads));
    args.add(String.valueOf(pollInterval.toMillis()));
    return args;
  }

  static BenchSettings fromArgs(List<String> args) {
    return new BenchSettings(
        args.get(0),
        Integer.parseInt(args.get(1)),
        Integer.parseInt(args.get(2)),
        Duration.ofMillis(Long.parseLong(args.get(3))),
        Duration.ofMillis(Long.parseLong(args.get(4))),
        Duration.ofMillis(Long.parseLong(args.get(5))),
        Duration.ofMillis(Long.parseLong(args.get(6))),
        Integer.parseInt(args.get(7)),
        Integer.parseInt(args.get(8)),
        Integer.parseInt(args.get(9)),
        Duration.ofMillis(Long.parseLong(args.get(10))));
  }
}
