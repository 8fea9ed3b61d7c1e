package io.suasor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every contender in a JVM of its own, one after the other, on one embedded PostgreSQL server,
 * and prints the markdown report. See docs/BENCHMARKS.md for the command.
 *
 * <p>Options: {@code --mode small|full} (default small), {@code --only KIND,KIND} to run some
 * contenders, {@code --out FILE} to also write the report to a file, {@code --scenarios
 * BURN_DOWN,PROGRESS} to run some scenarios (for measuring one change), {@code --repeats N} for
 * more measured rounds than the mode's 3 (steadier medians), {@code --child-jvm-args
 * "-XX:StartFlightRecording=filename=x.jfr"} to add options to every contender's JVM (a profile).
 */
public final class Harness {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long CHILD_TIMEOUT_MINUTES = 30;

  private static volatile Process child;

  private Harness() {}

  public static void main(String[] args) throws Exception {
    List<String> options = Arrays.asList(args);
    BenchSettings settings = BenchSettings.forMode(option(options, "--mode", "small"));
    String repeats = option(options, "--repeats", null);
    if (repeats != null) {
      settings = settings.withRepeats(Integer.parseInt(repeats));
    }
    List<Kind> kinds = new ArrayList<>();
    for (String name : option(options, "--only", String.join(",", names())).split(",")) {
      kinds.add(Kind.valueOf(name.strip()));
    }
    String out = option(options, "--out", null);
    String scenarios = option(options, "--scenarios", null);
    if (scenarios != null) {
      for (String name : scenarios.split(",")) {
        Scenario.valueOf(name.strip());
      }
    }
    List<String> childJvmArgs =
        Arrays.stream(option(options, "--child-jvm-args", "").split(" "))
            .filter(arg -> !arg.isBlank())
            .toList();
    Path scratch = Files.createTempDirectory("suasor-bench");
    Path logs = Path.of("bench", "target", "bench-logs");
    Files.createDirectories(logs);

    long started = System.nanoTime();
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .setServerConfig("max_connections", "200")
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(server)));
    String adminUrl = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
    String serverVersion = serverVersion(server);

    List<Map<String, Object>> results = new ArrayList<>();
    for (Kind kind : kinds) {
      System.err.printf("running %s …%n", kind.label);
      long began = System.nanoTime();
      results.addAll(runChild(kind, adminUrl, scratch, settings, logs, scenarios, childJvmArgs));
      System.err.printf("%s took %.1f s%n", kind.label, (System.nanoTime() - began) / 1e9);
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    String report =
        new Report(settings, kinds, results, serverVersion, minutes, String.join(" ", args))
            .markdown();
    System.out.println(report);
    if (out != null) {
      Files.writeString(Path.of(out), report);
    }
  }

  private static List<String> names() {
    return Arrays.stream(Kind.values()).map(Enum::name).toList();
  }

  static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> runChild(
      Kind kind,
      String adminUrl,
      Path scratch,
      BenchSettings settings,
      Path logs,
      String scenarios,
      List<String> childJvmArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(childJvmArgs);
    if (scenarios != null) {
      command.add("-D" + ContenderMain.SCENARIOS_PROPERTY + "=" + scenarios);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ContenderMain.class.getName());
    command.add(kind.name());
    command.add(adminUrl);
    command.add(scratch.toString());
    command.addAll(settings.toArgs());
    Path log = logs.resolve(kind.name().toLowerCase() + ".log");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    child = process;
    List<Map<String, Object>> results = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(ContenderMain.RESULT)) {
          results.add(JSON.readValue(line.substring(ContenderMain.RESULT.length()), Map.class));
        }
      }
    }
    if (!process.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    child = null;
    if (process.exitValue() != 0) {
      System.err.printf("%s exited with %d; see %s%n", kind.label, process.exitValue(), log);
    }
    return results;
  }

  private static String serverVersion(EmbeddedPostgres server) throws Exception {
    try (var c = server.getPostgresDatabase().getConnection();
        var s = c.createStatement();
        var r = s.executeQuery("SHOW server_version")) {
      r.next();
      return r.getString(1);
    }
  }

  /** Leaves nothing running: the contender's JVM and the PostgreSQL server. */
  private static void stopAll(EmbeddedPostgres server) {
    Process running = child;
    if (running != null && running.isAlive()) {
      running.descendants().forEach(ProcessHandle::destroyForcibly);
      running.destroyForcibly();
    }
    try {
      server.close();
    } catch (IOException e) {
      System.err.println("could not stop embedded PostgreSQL: " + e.getMessage());
    }
  }
}
