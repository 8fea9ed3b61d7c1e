package io.suasor.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The markdown table of {@link PruneBench}: per batch size, median (min–max) over its rounds. */
final class PruneReport {
  private PruneReport() {}

  static String render(List<PruneBench.Round> rounds, String args) {
    Map<Integer, List<PruneBench.Round>> byBatch = new LinkedHashMap<>();
    for (PruneBench.Round r : rounds) {
      byBatch.computeIfAbsent(r.batchSize(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder out = new StringBuilder("Pruning: " + args + "\n\n");
    out.append(
        "| batch | runs pruned | seconds | rows/s | lateness p50 ms | p99 ms | max ms |"
            + " engine done after s |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    byBatch.forEach(
        (batch, of) ->
            out.append(
                "| %,d | %s | %s | %s | %s | %s | %s | %s |\n"
                    .formatted(
                        batch,
                        HistoryReport.cell(of, r -> r.pruned(), "%,.0f"),
                        HistoryReport.cell(of, PruneBench.Round::seconds, "%.1f"),
                        HistoryReport.cell(of, r -> r.pruned() / r.seconds(), "%,.0f"),
                        HistoryReport.cell(of, PruneBench.Round::p50, "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::p99, "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::max, "%.0f"),
                        HistoryReport.cell(of, PruneBench.Round::burnDownSeconds, "%.1f"))));
    return out.toString();
  }
}
