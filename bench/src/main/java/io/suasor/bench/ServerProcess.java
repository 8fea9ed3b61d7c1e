package io.suasor.bench;

import io.suasor.server.config.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server, {@code suasor serve}, in a JVM of its own with a bounded heap ({@code -Xmx}),
 * its GC log written to a file, and {@code -XX:+ExitOnOutOfMemoryError} so that running out of heap
 * ends it for all to see: from this build's classes ({@code io.suasor.server.Main}) or from a
 * packaged jar (another commit's). Heap is read from the GC log: the heap used before each
 * collection (its high-water mark) and after each full one (what is live), forced at the end of
 * each phase with {@code jcmd GC.run}.
 */
final class ServerProcess implements AutoCloseable {
  /** {@code 150M->40M(512M)}: heap used before, after, and the heap's size. */
  private static final Pattern HEAP =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)[KMG]\\)");

  private final Process process;
  private final Path gcLog;
  private final Path output;
  final String base;
  private long gcLogOffset;

  /** What the GC log says of one phase: the highest heap before a collection, the live heap. */
  record Heap(double peakMb, double liveMb, int collections) {}

  private ServerProcess(Process process, Path gcLog, Path output, int port) {
    this.process = process;
    this.gcLog = gcLog;
    this.output = output;
    this.base = "http://127.0.0.1:" + port;
  }

  /** The settings the bench's in-process application uses on the same database. */
  static ServerConfig config(Optional<String> jdbcUrl, Path dataDir, int port) {
    return new ServerConfig(
        dataDir,
        jdbcUrl,
        "postgres",
        "postgres",
        ServerConfig.DEFAULT_DATABASE_POOL_SIZE,
        "127.0.0.1",
        port,
        ServerConfig.DEFAULT_WORKERS,
        List.of(),
        ServerConfig.DEFAULT_MAX_REQUEST_BYTES,
        Optional.empty());
  }

  /**
   * Starts {@code suasor serve} on the database, from {@code jar} when given, else from this JVM's
   * class path; logs go under {@code logs} with the {@code name} prefix.
   */
  static ServerProcess start(
      String jdbcUrl, Path dataDir, Optional<Path> jar, String heap, Path logs, String name)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(logs);
    Path gcLog = logs.resolve(name + "-gc.log");
    Path output = logs.resolve(name + "-server.log");
    Files.deleteIfExists(gcLog);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-XX:+ExitOnOutOfMemoryError");
    if (jar.isPresent()) {
      command.add("-jar");
      command.add(jar.get().toString());
    } else {
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("io.suasor.server.Main");
    }
    command.addAll(
        List.of(
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--db-url",
            jdbcUrl,
            "--db-user",
            "postgres",
            "--db-password",
            "postgres",
            "--http-port",
            String.valueOf(port),
            "--engine-poll-interval",
            "5s"));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    return new ServerProcess(process, gcLog, output, port);
  }

  /** Waits until the server answers {@code /health/ready}, or fails if it ended first. */
  void awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the server ended before it was ready; see " + output);
      }
      try {
        HttpResponse<Void> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new TimeoutException("the server was not ready within " + timeout + "; see " + output);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Whether the JVM ran out of heap ({@code ExitOnOutOfMemoryError} prints this as it ends). */
  boolean ranOutOfHeap() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8).contains("OutOfMemoryError");
  }

  /**
   * Forces a full collection and returns what the GC log wrote since the last call: the highest
   * heap used before any collection, and the heap live after the forced one.
   */
  Heap phaseEnd() throws Exception {
    if (process.isAlive()) {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  String.valueOf(process.pid()),
                  "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      jcmd.waitFor(60, TimeUnit.SECONDS);
    }
    String text = Files.readString(gcLog, StandardCharsets.UTF_8);
    String since = text.substring((int) Math.min(gcLogOffset, text.length()));
    gcLogOffset = text.length();
    double peak = 0;
    double live = Double.NaN;
    int collections = 0;
    for (String line : since.split("\n")) {
      Matcher heap = HEAP.matcher(line);
      if (!heap.find()) {
        continue;
      }
      collections++;
      peak = Math.max(peak, megabytes(heap.group(1), heap.group(2)));
      if (line.contains("Pause Full")) {
        live = megabytes(heap.group(3), heap.group(4));
      }
    }
    return new Heap(peak, live, collections);
  }

  private static double megabytes(String amount, String unit) {
    double value = Double.parseDouble(amount);
    return switch (unit) {
      case "K" -> value / 1024;
      case "G" -> value * 1024;
      default -> value;
    };
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
