package io.suasor.bench;

import static io.suasor.bench.ClusterBenchSupport.cell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@link MemoryBench}'s rounds as Markdown: how each ended, then each phase's heap per server. */
final class MemoryReport {
  private MemoryReport() {}

  static String write(String[] args, List<MemoryBench.Round> rounds, String heap) {
    StringBuilder out = new StringBuilder();
    out.append("Memory bench: ")
        .append(String.join(" ", args))
        .append("; each server -Xmx")
        .append(heap)
        .append(", heap from its GC log (a full GC forced after each phase)\n\n");
    out.append("| server | round | load average at start | outcome |\n|---|---|---|---|\n");
    for (MemoryBench.Round round : rounds) {
      out.append(
          "| %s | %d | %s | %s |%n"
              .formatted(round.server(), round.number(), round.load(), round.outcome()));
    }
    Set<String> servers = new LinkedHashSet<>();
    rounds.forEach(round -> servers.add(round.server()));
    for (String server : servers) {
      List<MemoryBench.Round> mine =
          rounds.stream().filter(round -> round.server().equals(server)).toList();
      out.append("\n")
          .append(server)
          .append(": median (min–max) over ")
          .append(mine.size())
          .append(" rounds\n\n")
          .append("| phase | live after full GC, MB | highest before a GC, MB | seconds |\n")
          .append("|---|---|---|---|\n");
      for (String phase : MemoryBench.PHASES) {
        List<Double> live = new ArrayList<>();
        List<Double> peak = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        for (MemoryBench.Round round : mine) {
          ServerProcess.Heap measured = round.heap().get(phase);
          if (measured == null) {
            continue;
          }
          if (!Double.isNaN(measured.liveMb())) {
            live.add(measured.liveMb());
          }
          peak.add(measured.peakMb());
          seconds.add(round.seconds().get(phase));
        }
        out.append(
            "| %s | %s | %s | %s |%n"
                .formatted(phase, cell(live, "%.0f"), cell(peak, "%.0f"), cell(seconds, "%.1f")));
      }
    }
    return out.toString();
  }
}
