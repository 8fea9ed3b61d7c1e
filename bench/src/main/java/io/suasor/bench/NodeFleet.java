package io.suasor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Engine nodes as separate JVM processes ({@link ClusterNode}), all on one database: started
 * together, stopped together, with the CPU time they used read from /proc.
 */
final class NodeFleet implements AutoCloseable {
  private static final List<NodeFleet> open = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(NodeFleet::killAll));
  }

  private final List<Node> nodes = new ArrayList<>();

  private record Node(String id, Process process, BufferedReader out, PrintWriter in) {}

  /**
   * Starts {@code count} nodes; {@code database} is {@code postgres <url>} or {@code sqlite
   * <file>}.
   */
  NodeFleet(
      int count, List<String> database, int workers, int pool, Duration poll, String logPrefix)
      throws IOException {
    synchronized (open) {
      open.add(this);
    }
    Path logs = Path.of("bench", "target", "bench-logs");
    Files.createDirectories(logs);
    for (int i = 1; i <= count; i++) {
      String id = "node-" + i;
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      // Extra options for the node JVMs, for example a flight recording to profile them.
      String extra = System.getProperty("bench.nodeJvm", "").strip();
      if (!extra.isEmpty()) {
        command.addAll(List.of(extra.replace("{node}", id).split("\\s+")));
      }
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(ClusterNode.class.getName());
      command.addAll(database);
      command.add(id);
      command.add(String.valueOf(workers));
      command.add(String.valueOf(pool));
      command.add(String.valueOf(poll.toMillis()));
      Process process =
          new ProcessBuilder(command)
              .redirectError(logs.resolve(logPrefix + "-" + id + ".log").toFile())
              .start();
      nodes.add(
          new Node(
              id,
              process,
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
              new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)));
    }
  }

  /** Waits until every node has started its engine. */
  void awaitReady() throws IOException {
    for (Node node : nodes) {
      String line;
      do {
        line = node.out().readLine();
      } while (line != null && !line.equals(ClusterNode.READY));
      if (line == null) {
        throw new IOException(
            node.id() + " ended before it was ready; see bench/target/bench-logs/");
      }
    }
  }

  /** The process ids, for reading their CPU time. */
  List<Long> pids() {
    return nodes.stream().map(n -> n.process().pid()).toList();
  }

  /** User and system CPU time of the nodes so far, in milliseconds. */
  double cpuMillis() {
    double total = 0;
    for (long pid : pids()) {
      total += ProcStat.cpuMillis(pid);
    }
    return total;
  }

  /** Stops every node (they stop their engines in parallel); returns job bodies run per node. */
  Map<String, Integer> stop() throws Exception {
    List<CompletableFuture<Integer>> counts = new ArrayList<>();
    for (Node node : nodes) {
      node.in().println("STOP");
      counts.add(CompletableFuture.supplyAsync(() -> executedBy(node)));
    }
    Map<String, Integer> executed = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      executed.put(nodes.get(i).id(), counts.get(i).get(60, TimeUnit.SECONDS));
      nodes.get(i).process().waitFor(30, TimeUnit.SECONDS);
    }
    return executed;
  }

  private static int executedBy(Node node) {
    try {
      String line;
      while ((line = node.out().readLine()) != null) {
        if (line.startsWith(ClusterNode.EXECUTED)) {
          return Integer.parseInt(line.substring(ClusterNode.EXECUTED.length()).strip());
        }
      }
      return -1;
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    for (Node node : nodes) {
      node.process().destroyForcibly();
    }
    synchronized (open) {
      open.remove(this);
    }
  }

  private static void killAll() {
    synchronized (open) {
      for (NodeFleet fleet : open) {
        fleet.nodes.forEach(n -> n.process().destroyForcibly());
      }
    }
  }
}
