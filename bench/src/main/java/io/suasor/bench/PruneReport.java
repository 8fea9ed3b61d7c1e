package io.suasor.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The markdown table of {@link PruneBench}: per layout and batch size, median (min–max) over its
 * rounds, after the notes of the setup (conversion, checks of the unique keys).
 */
final class PruneReport {
  private PruneReport() {}

  static String render(List<PruneBench.Round> rounds, String args, List<String> notes) {
    Map<String, List<PruneBench.Round>> bySeries = new LinkedHashMap<>();
    for (PruneBench.Round r : rounds) {
      bySeries.computeIfAbsent(r.layout() + " | " + r.batchSize(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder out = new StringBuilder("Pruning: " + args + "\n\n");
    notes.forEach(note -> out.append("- ").append(note).append('\n'));
    out.append(
        "\n| layout | batch | runs pruned | by partition drop | seconds | rows/s | lateness p50 ms"
            + " | p99 ms | max ms | due while pruning | their p99 ms | engine runs/s"
            + " | DB CPU ms/run | due runs inserted in s | load |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    bySeries.forEach(
        (series, of) ->
            out.append(
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n"
                    .formatted(
                        series,
                        HistoryReport.cell(of, r -> r.pruned(), "%,.0f"),
                        HistoryReport.cell(of, r -> r.dropped(), "%,.0f"),
                        HistoryReport.cell(of, PruneBench.Round::seconds, "%.2f"),
                        HistoryReport.cell(of, r -> r.pruned() / r.seconds(), "%,.0f"),
                        HistoryReport.cell(of, PruneBench.Round::p50, "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::p99, "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::max, "%.0f"),
                        HistoryReport.cell(of, r -> r.dueDuring(), "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::p99During, "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::runsPerSecond, "%,.0f"),
                        HistoryReport.cell(of, PruneBench.Round::cpuMsPerRun, "%.3f"),
                        HistoryReport.cell(of, PruneBench.Round::insertSeconds, "%.2f"),
                        HistoryReport.cell(of, PruneBench.Round::load, "%.1f"))));
    return out.toString();
  }
}
