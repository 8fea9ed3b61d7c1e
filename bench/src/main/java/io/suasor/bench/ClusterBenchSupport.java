package io.suasor.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What {@link FireStormBench} and {@link ManyNodesBench} share: options, server, cells. */
final class ClusterBenchSupport {
  private ClusterBenchSupport() {}

  static String option(String[] args, String name, String fallback) {
    List<String> list = Arrays.asList(args);
    int at = list.indexOf(name);
    return at >= 0 && at + 1 < list.size() ? list.get(at + 1) : fallback;
  }

  static int intOption(String[] args, String name, int fallback) {
    return Integer.parseInt(option(args, name, String.valueOf(fallback)));
  }

  static List<Integer> intsOption(String[] args, String name, String fallback) {
    List<Integer> values = new ArrayList<>();
    for (String value : option(args, name, fallback).split(",")) {
      values.add(Integer.parseInt(value.strip()));
    }
    return values;
  }

  /**
   * The harness's server (docs/BENCHMARKS.md): embedded PostgreSQL 14 with pg_stat_statements, with
   * room for ten nodes' pools and their LISTEN connections.
   */
  static EmbeddedPostgres startPostgres() throws IOException {
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("max_connections", "300")
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (IOException e) {
                    System.err.println("could not stop embedded PostgreSQL: " + e.getMessage());
                  }
                }));
    return server;
  }

  static String adminUrl(EmbeddedPostgres server) {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
  }

  /** {@code median (min–max)} of the rounds, with {@code format} for each number. */
  static String cell(List<Double> values, String format) {
    if (values.isEmpty()) {
      return "–";
    }
    return String.format(format, Stats.median(values).orElseThrow())
        + " ("
        + String.format(format, Stats.min(values))
        + "–"
        + String.format(format, Stats.max(values))
        + ")";
  }

  /** The machine's load average over the last minute, to print beside the figures. */
  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The numbers under {@code key} in the rounds' results. */
  static List<Double> values(List<Map<String, Object>> rows, String key) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (row.get(key) instanceof Number n) {
        values.add(n.doubleValue());
      }
    }
    return values;
  }

  /** Notes one round's result: its number, on standard error as it comes, and in the list. */
  static void collect(List<Map<String, Object>> results, Map<String, Object> result, int round) {
    result.put("round", round);
    System.err.println("round: " + result);
    results.add(result);
  }

  /** {@code nodes} node processes on {@code db}, with the options' workers, pool and poll. */
  static NodeFleet fleet(String[] args, ClusterDb db, int nodes, String logPrefix)
      throws IOException {
    return new NodeFleet(
        nodes,
        db.nodeArgs(),
        intOption(args, "--workers", 4),
        intOption(args, "--pool", 8),
        java.time.Duration.ofMillis(intOption(args, "--poll-ms", 1000)),
        logPrefix);
  }
}
