package io.suasor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The plans PostgreSQL's {@code auto_explain} logged (in JSON) for every statement it ran, read
 * back from the server's log files: how each statement that touches {@code job_runs} reached it.
 * These are the plans actually executed, generic or custom, not an EXPLAIN of a guessed query.
 */
final class PlanLog {
  /** One statement text: how often it ran, the slowest run, and each way it read job_runs. */
  record Statement(String text, int executions, double maxMillis, TreeSet<String> accesses) {
    boolean seqScan() {
      return accesses.stream().anyMatch(a -> a.startsWith("Seq Scan"));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARK = "plan:";

  private PlanLog() {}

  /** The statements of every log file in {@code folder} that read or wrote {@code job_runs}. */
  static List<Statement> read(Path folder) throws IOException {
    Map<String, Statement> byText = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.sorted().toList();
    }
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int mark = line.indexOf(MARK);
        if (!line.contains("duration:") || mark < 0) {
          continue;
        }
        double millis = Double.parseDouble(line.replaceAll(".*duration: ([0-9.]+) ms.*", "$1"));
        StringBuilder json = new StringBuilder(line.substring(mark + MARK.length()));
        while (i + 1 < lines.size() && lines.get(i + 1).startsWith("\t")) {
          json.append(lines.get(++i).substring(1)).append('\n');
        }
        add(byText, JSON.readTree(json.toString()), millis);
      }
    }
    return new ArrayList<>(byText.values());
  }

  private static void add(Map<String, Statement> byText, JsonNode explained, double millis) {
    TreeSet<String> accesses = new TreeSet<>();
    collect(explained.get("Plan"), accesses);
    if (accesses.isEmpty()) {
      return;
    }
    String text = explained.get("Query Text").asText().replaceAll("\\s+", " ").strip();
    Statement old = byText.get(text);
    if (old != null) {
      accesses.addAll(old.accesses());
    }
    byText.put(
        text,
        new Statement(
            text,
            old == null ? 1 : old.executions() + 1,
            old == null ? millis : Math.max(millis, old.maxMillis()),
            accesses));
  }

  /** Every node that reads job_runs, as "Node Type [using index]". */
  private static void collect(JsonNode plan, TreeSet<String> accesses) {
    if (plan == null) {
      return;
    }
    if ("job_runs".equals(plan.path("Relation Name").asText())) {
      String index = plan.path("Index Name").asText();
      accesses.add(plan.get("Node Type").asText() + (index.isEmpty() ? "" : " using " + index));
    }
    if (plan.path("Node Type").asText().equals("Bitmap Index Scan")
        && plan.path("Index Name").asText().startsWith("job_runs")) {
      accesses.add("Bitmap Index Scan using " + plan.path("Index Name").asText());
    }
    for (JsonNode child : plan.path("Plans")) {
      collect(child, accesses);
    }
  }
}
