package io.suasor.jobs.cluster;

import io.suasor.jobs.JobContext;
import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.jobs.testing.TestDatabases;
import io.suasor.jobs.testing.TestJob;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * One engine node in a process of its own, for the cluster tests: {@code ClusterNodeMain <jdbcUrl>
 * <nodeId> <heartbeatMillis> <deadRunMillis>}. Its jobs write each execution to {@code
 * cluster_executions}, so the test can tell which node ran what, and when.
 */
public final class ClusterNodeMain {
  private ClusterNodeMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String nodeId = args[1];
    Duration heartbeat = Duration.ofMillis(Long.parseLong(args[2]));
    Duration deadAfter = Duration.ofMillis(Long.parseLong(args[3]));
    Database database = Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 6);
    JobEngine engine =
        JobEngine.builder()
            .database(database)
            .nodeId(nodeId)
            .heartbeatInterval(heartbeat)
            .deadRunThreshold(deadAfter)
            .shutdownGrace(Duration.ofSeconds(2))
            .cancelGrace(Duration.ofSeconds(1))
            .logLinesPerRun(100)
            .register(
                TestJob.of("cluster.tick", context -> record(database, context, nodeId, 0))
                    .maxConcurrency(0))
            .register(
                TestJob.of(
                        "cluster.long",
                        context ->
                            record(database, context, nodeId, Duration.ofSeconds(8).toMillis()))
                    .maxConcurrency(0)
                    .retry(new RetryPolicy(3, Duration.ofMillis(500), 2, Duration.ofSeconds(5), 0)))
            .build();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                }));
    engine.start();
    System.out.println("READY " + nodeId);
    System.out.flush();
    stopped.await();
  }

  /** Records the start, works for {@code millis} checking for cancellation, records the end. */
  private static void record(Database database, JobContext context, String nodeId, long millis)
      throws Exception {
    long started = System.currentTimeMillis();
    try (Connection c = database.dataSource().getConnection()) {
      Jdbc.update(
          c,
          "INSERT INTO cluster_executions (run_id, node_id, started_at) VALUES (?, ?, ?)",
          context.runId(),
          nodeId,
          started);
    }
    long until = started + millis;
    while (System.currentTimeMillis() < until) {
      context.checkCancelled();
      Thread.sleep(50);
    }
    try (Connection c = database.dataSource().getConnection()) {
      Jdbc.update(
          c,
          "UPDATE cluster_executions SET ended_at = ? WHERE run_id = ? AND node_id = ?",
          System.currentTimeMillis(),
          context.runId(),
          nodeId);
    }
  }
}
