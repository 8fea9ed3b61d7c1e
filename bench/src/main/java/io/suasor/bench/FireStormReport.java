package io.suasor.bench;

import static io.suasor.bench.ClusterBenchSupport.cell;
import static io.suasor.bench.ClusterBenchSupport.values;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link FireStormBench} prints: its table of the rounds, and what it reads for each round.
 */
final class FireStormReport {
  private FireStormReport() {}

  /** The Markdown table of the rounds, one row per size: medians (min–max). */
  static String table(List<Map<String, Object>> results, String database, int nodes, String job) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "%n%s, %d node(s), job %s; median (min–max) of the rounds%n%n", database, nodes, job));
    out.append(
        "| schedules | rounds | all inserted s after the instant | first start s | all finished s"
            + " | draining runs/s | burn-down runs/s (same nodes) | draining / burn-down"
            + " | nodes' CPU ms a run, draining / burn-down | duplicates | runs = schedules"
            + " |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    Map<Object, List<Map<String, Object>>> bySize = new LinkedHashMap<>();
    results.forEach(r -> bySize.computeIfAbsent(r.get("schedules"), k -> new ArrayList<>()).add(r));
    bySize.forEach(
        (size, rows) ->
            out.append(
                String.format(
                    "| %,d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    (Integer) size,
                    rows.size(),
                    cell(values(rows, "insertedS"), "%.2f"),
                    cell(values(rows, "firstStartS"), "%.2f"),
                    cell(values(rows, "finishedS"), "%.2f"),
                    cell(values(rows, "drainRunsPerS"), "%,.0f"),
                    cell(values(rows, "burnDownRunsPerS"), "%,.0f"),
                    cell(ratios(rows, "drainRunsPerS", "burnDownRunsPerS"), "%.2f"),
                    cell(values(rows, "drainNodesCpuMsPerRun"), "%.3f")
                        + " / "
                        + cell(values(rows, "burnDownNodesCpuMsPerRun"), "%.3f"),
                    rows.stream().mapToLong(r -> (Long) r.get("duplicates")).sum(),
                    rows.stream()
                        .allMatch(
                            r ->
                                r.get("runs").equals((long) (int) size)
                                    && r.get("schedulesWithRun").equals((long) (int) size)
                                    && r.get("completed").equals((long) (int) size)))));
    return out.toString();
  }

  /**
   * The autovacuums and autoanalyses of the runs' and schedules' tables so far, as the statistics
   * report them (they lag by up to half a second).
   */
  static String autovacuums(ClusterDb db) {
    StringBuilder out = new StringBuilder();
    for (String table : List.of("job_runs", "job_schedules")) {
      out.append(table);
      for (String what : List.of("vacuum", "analyze")) {
        long count =
            db.scalar(
                "SELECT auto%s_count FROM pg_stat_user_tables WHERE relname = ?".formatted(what),
                table);
        long last =
            db.scalar(
                "SELECT COALESCE(CAST(EXTRACT(EPOCH FROM last_auto%s) * 1000 AS BIGINT), 0)"
                        .formatted(what)
                    + " FROM pg_stat_user_tables WHERE relname = ?",
                table);
        out.append(' ').append(what).append(' ').append(count);
        if (count > 0) {
          out.append(" (last ").append(Instant.ofEpochMilli(last)).append(')');
        }
      }
      out.append("; ");
    }
    return out.toString();
  }

  /** Each round's {@code numerator / denominator}, for the rounds that have both. */
  private static List<Double> ratios(
      List<Map<String, Object>> rows, String numerator, String denominator) {
    List<Double> ratios = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (row.get(numerator) instanceof Number n && row.get(denominator) instanceof Number d) {
        ratios.add(n.doubleValue() / d.doubleValue());
      }
    }
    return ratios;
  }
}
