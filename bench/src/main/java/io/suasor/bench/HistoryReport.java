package io.suasor.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The markdown tables of {@link HistoryBench}: medians and ranges over its rounds. */
final class HistoryReport {
  private HistoryReport() {}

  static void burnDown(List<String> out, List<EngineOnHistory.Round> rounds, String bigDatabase) {
    out.add("");
    out.add("| database | burn-down runs/s | statements/run | DB CPU ms/run |");
    out.add("|---|---|---|---|");
    Map<Boolean, List<EngineOnHistory.Round>> byKind =
        rounds.stream().collect(Collectors.partitioningBy(r -> r.database().equals(bigDatabase)));
    for (boolean big : new boolean[] {false, true}) {
      List<EngineOnHistory.Round> of = byKind.get(big);
      out.add(
          "| %s | %s | %s | %s |"
              .formatted(
                  big ? "history (10M runs)" : "empty",
                  cell(of, EngineOnHistory.Round::runsPerSecond, "%,.0f"),
                  cell(of, EngineOnHistory.Round::statementsPerRun, "%.2f"),
                  cell(of, EngineOnHistory.Round::cpuMsPerRun, "%.3f")));
    }
    double empty = median(byKind.get(false), EngineOnHistory.Round::runsPerSecond);
    double history = median(byKind.get(true), EngineOnHistory.Round::runsPerSecond);
    out.add("");
    out.add("history / empty (medians): %.2f".formatted(history / empty));
  }

  static void idle(List<String> out, List<EngineOnHistory.Idle> idle) {
    out.add("");
    for (EngineOnHistory.Idle one : idle) {
      out.add("idle statements/s on %s: %.2f".formatted(one.database(), one.statementsPerSecond()));
    }
  }

  static void plans(List<String> out, List<PlanLog.Statement> statements) {
    out.add("");
    out.add("| statement (start) | executions | max ms | how it reads job_runs |");
    out.add("|---|---|---|---|");
    long seq = 0;
    for (PlanLog.Statement s : statements) {
      seq += s.seqScan() ? 1 : 0;
      String text = s.text().length() > 90 ? s.text().substring(0, 90) + "…" : s.text();
      out.add(
          "| `%s` | %d | %.2f | %s |"
              .formatted(
                  text.replace("|", "\\|"),
                  s.executions(),
                  s.maxMillis(),
                  String.join("; ", s.accesses())));
    }
    out.add("");
    out.add(statements.size() + " statements read job_runs; " + seq + " of them by a Seq Scan");
  }

  static void latency(List<String> out, List<ApiLatency.Latency> all) {
    Map<String, List<ApiLatency.Latency>> byEndpoint = new LinkedHashMap<>();
    for (ApiLatency.Latency one : all) {
      byEndpoint.computeIfAbsent(one.endpoint(), k -> new java.util.ArrayList<>()).add(one);
    }
    out.add("");
    out.add("| endpoint | p50 ms | p99 ms | max ms |");
    out.add("|---|---|---|---|");
    byEndpoint.forEach(
        (endpoint, rounds) ->
            out.add(
                "| %s | %s | %s | %s |"
                    .formatted(
                        endpoint,
                        cell(rounds, ApiLatency.Latency::p50, "%.1f"),
                        cell(rounds, ApiLatency.Latency::p99, "%.1f"),
                        cell(rounds, ApiLatency.Latency::max, "%.1f"))));
  }

  static void dashboard(List<String> out, List<DashboardLoad.Load> all) {
    out.add("");
    out.add(
        "| screen | loads | content p50 ms | p99 ms | max ms | DOMContentLoaded p50 ms"
            + " | slowest API request p50 ms (the most frequent) |");
    out.add("|---|---|---|---|---|---|---|");
    DashboardLoad.byScreen(all)
        .forEach(
            (screen, loads) -> {
              String api =
                  loads.stream()
                      .collect(
                          Collectors.groupingBy(DashboardLoad.Load::api, Collectors.counting()))
                      .entrySet()
                      .stream()
                      .max(Map.Entry.comparingByValue())
                      .map(Map.Entry::getKey)
                      .orElse("");
              out.add(
                  "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f (`%s`) |"
                      .formatted(
                          screen,
                          loads.size(),
                          percentile(loads, DashboardLoad.Load::contentMs, 50),
                          percentile(loads, DashboardLoad.Load::contentMs, 99),
                          percentile(loads, DashboardLoad.Load::contentMs, 100),
                          percentile(loads, DashboardLoad.Load::domReadyMs, 50),
                          percentile(loads, DashboardLoad.Load::apiMs, 50),
                          api));
            });
  }

  /** The nearest-rank percentile {@code p} of the values. */
  private static <T> double percentile(List<T> all, ToDoubleFunction<T> value, int p) {
    double[] sorted = all.stream().mapToDouble(value).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** "median (min–max)" of the rounds' values. */
  static <T> String cell(List<T> rounds, ToDoubleFunction<T> value, String format) {
    double[] values =
        rounds.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (values.length == 0) {
      return "–";
    }
    return format.formatted(median(values))
        + " ("
        + format.formatted(values[0])
        + "–"
        + format.formatted(values[values.length - 1])
        + ")";
  }

  private static <T> double median(List<T> rounds, ToDoubleFunction<T> value) {
    return median(rounds.stream().mapToDouble(value).sorted().toArray());
  }

  private static double median(double[] sorted) {
    double[] copy = Arrays.copyOf(sorted, sorted.length);
    Arrays.sort(copy);
    int n = copy.length;
    return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
  }
}
