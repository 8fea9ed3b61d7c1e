package io.suasor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The options {@link HistoryBench} and {@link SqliteHistoryBench} share, and their report's end.
 */
record HistoryOptions(
    long runs,
    Path dataDir,
    List<String> phases,
    BenchSettings settings,
    int requests,
    int loads,
    String out,
    boolean vacuum,
    int deadEntries) {

  static HistoryOptions parse(String[] args, String defaultDataDir, String defaultPhases) {
    List<String> options = Arrays.asList(args);
    BenchSettings settings = BenchSettings.forMode(Harness.option(options, "--mode", "full"));
    String repeats = Harness.option(options, "--repeats", null);
    if (repeats != null) {
      settings = settings.withRepeats(Integer.parseInt(repeats));
    }
    return new HistoryOptions(
        Long.parseLong(Harness.option(options, "--runs", "10000000")),
        Path.of(Harness.option(options, "--data-dir", defaultDataDir)),
        Arrays.asList(Harness.option(options, "--phases", defaultPhases).split(",")),
        settings,
        Integer.parseInt(Harness.option(options, "--requests", "200")),
        Integer.parseInt(Harness.option(options, "--loads", "20")),
        Harness.option(options, "--out", null),
        options.contains("--vacuum"),
        Integer.parseInt(Harness.option(options, "--dead", "0")));
  }

  boolean has(String phase) {
    return phases.contains(phase);
  }

  /** Prints the report, and writes it to {@code --out} when given. */
  void print(List<String> report) throws IOException {
    String text = String.join("\n", report) + "\n";
    System.out.print(text);
    if (out != null) {
      Files.writeString(Path.of(out), text, StandardCharsets.UTF_8);
    }
  }
}
