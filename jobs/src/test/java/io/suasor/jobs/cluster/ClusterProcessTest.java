package io.suasor.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several engine nodes, each in a JVM of its own, on one PostgreSQL: every fire instant runs
 * exactly once, and a node killed with SIGKILL loses no run.
 */
class ClusterProcessTest {
  private static final Path LOGS = Path.of("target", "cluster-logs");

  private final Map<String, Process> nodes = new HashMap<>();
  private String url;
  private Database database;
  private JobRepository repository;

  @BeforeEach
  void open() throws Exception {
    url = TestDatabases.postgresUrl();
    database = Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 4);
    JdbcJobRepository.migrate(database);
    repository = new JdbcJobRepository(database);
    database.write(
        "create the execution log",
        c ->
            Jdbc.update(
                c,
                "CREATE TABLE cluster_executions (run_id BIGINT NOT NULL, node_id TEXT NOT NULL,"
                    + " started_at BIGINT NOT NULL, ended_at BIGINT)"));
    Files.createDirectories(LOGS);
  }

  @AfterEach
  void close() throws Exception {
    for (Process node : nodes.values()) {
      node.destroyForcibly();
      node.waitFor(30, TimeUnit.SECONDS);
    }
    database.close();
  }

  private Process startNode(String nodeId, long heartbeatMillis, long deadMillis) throws Exception {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = LOGS.resolve(nodeId + ".log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                classpath,
                ClusterNodeMain.class.getName(),
                url,
                nodeId,
                String.valueOf(heartbeatMillis),
                String.valueOf(deadMillis))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    nodes.put(nodeId, process);
    Await.until(
        "node " + nodeId + " ready",
        Duration.ofSeconds(60),
        () -> readQuietly(log).contains("READY " + nodeId));
    return process;
  }

  private static String readQuietly(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private List<JobRun> allRuns() {
    List<JobRun> runs = new ArrayList<>();
    Long cursor = null;
    do {
      var page = repository.findRuns(RunQuery.latest(1000).withBeforeId(cursor));
      runs.addAll(page.runs());
      cursor = page.nextCursor();
    } while (cursor != null);
    return runs;
  }

  private record Execution(long runId, String nodeId, long startedAt, Long endedAt) {}

  private List<Execution> executions() {
    return database.read(
        "read executions",
        c ->
            Jdbc.query(
                c,
                "SELECT run_id, node_id, started_at, ended_at FROM cluster_executions",
                r ->
                    new Execution(
                        r.getLong("run_id"),
                        r.getString("node_id"),
                        r.getLong("started_at"),
                        Jdbc.nullableLong(r, "ended_at"))));
  }

  @Test
  void threeNodesRunEveryFireInstantOfFiftySchedulesExactlyOnce() throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(8);
    Instant end = start.plusSeconds(30);
    for (int i = 0; i < 50; i++) {
      repository.createJobSchedule(
          JobSchedule.of("cluster.tick", JobType.SYSTEM, "every 1s")
              .withName("tick-" + i)
              .withNextRunTime(start),
          Instant.now());
    }
    for (String node : List.of("node-1", "node-2", "node-3")) {
      startNode(node, 1000, 5000);
    }

    Await.until(
        "the 30 s to pass",
        Duration.ofSeconds(90),
        () -> Instant.now().isAfter(end.plusSeconds(2)));
    database.write(
        "pause the schedules", c -> Jdbc.update(c, "UPDATE job_schedules SET enabled = FALSE"));
    Await.until(
        "the last runs to end",
        Duration.ofSeconds(60),
        () -> repository.getActiveJobRuns().isEmpty());
    for (Process node : nodes.values()) {
      node.destroy();
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    List<JobRun> runs = allRuns();
    Map<Long, List<Instant>> bySchedule =
        runs.stream()
            .collect(
                Collectors.groupingBy(
                    JobRun::scheduleId,
                    Collectors.mapping(JobRun::scheduledFor, Collectors.toList())));
    assertThat(bySchedule).hasSize(50);
    for (List<Instant> instants : bySchedule.values()) {
      instants.sort(null);
      assertThat(instants.get(0)).isEqualTo(start);
      assertThat(new HashSet<>(instants)).hasSameSizeAs(instants);
      for (int i = 1; i < instants.size(); i++) {
        assertThat(instants.get(i)).isEqualTo(instants.get(i - 1).plusSeconds(1));
      }
      assertThat(instants.get(instants.size() - 1)).isAfterOrEqualTo(end);
    }
    assertThat(runs).extracting(JobRun::status).containsOnly(JobStatus.COMPLETED);
    List<Execution> executions = executions();
    assertThat(executions).hasSameSizeAs(runs);
    assertThat(executions.stream().map(Execution::runId).collect(Collectors.toSet()))
        .hasSameSizeAs(runs);
    assertThat(runs.stream().map(JobRun::nodeId).collect(Collectors.toSet())).hasSizeGreaterThan(1);
  }

  @Test
  void aKilledNodesRunsAreReapedAndRetriedElsewhereAndNeverRunTwiceAtOnce() throws Exception {
    // Short by default to keep the build quick; docs/CLUSTERING.md gives the figures measured with
    // the defaults (-Dsuasor.cluster.heartbeatMillis=5000 -Dsuasor.cluster.deadMillis=30000).
    long heartbeat = Long.getLong("suasor.cluster.heartbeatMillis", 500);
    long deadAfter = Long.getLong("suasor.cluster.deadMillis", 3000);
    for (String node : List.of("node-1", "node-2", "node-3")) {
      startNode(node, heartbeat, deadAfter);
    }
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(
          repository
              .createJobRun(
                  NewRun.of("cluster.long", JobType.SYSTEM, Trigger.MANUAL, Instant.now())
                      .withConcurrencyLimit(NewRun.UNLIMITED),
                  Instant.now())
              .id());
    }
    Await.until("all six runs to start", Duration.ofSeconds(30), () -> executions().size() == 6);

    Map<String, Long> perNode =
        executions().stream()
            .collect(Collectors.groupingBy(Execution::nodeId, Collectors.counting()));
    String victim =
        perNode.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Set<Long> lost =
        executions().stream()
            .filter(e -> e.nodeId().equals(victim))
            .map(Execution::runId)
            .collect(Collectors.toSet());
    Instant killedAt = Instant.now();
    nodes.get(victim).destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    Await.until(
        "the lost runs to be reaped",
        Duration.ofMillis(deadAfter + 4 * heartbeat + 30_000),
        () ->
            lost.stream()
                .allMatch(
                    id -> repository.getJobRunById(id).orElseThrow().status() == JobStatus.FAILED));
    Instant lastReaped =
        lost.stream()
            .map(id -> repository.getJobRunById(id).orElseThrow().endTime())
            .max(Instant::compareTo)
            .orElseThrow();
    Duration detection = Duration.between(killedAt, lastReaped);
    System.out.printf(
        "cluster: %d runs of killed node %s reaped %d ms after SIGKILL (threshold %d ms,"
            + " heartbeat %d ms)%n",
        lost.size(), victim, detection.toMillis(), deadAfter, heartbeat);
    assertThat(detection).isLessThanOrEqualTo(Duration.ofMillis(deadAfter + 2 * heartbeat + 2000));

    Await.until(
        "every run or its retry to complete",
        Duration.ofSeconds(60),
        () -> allRuns().stream().filter(r -> r.status() == JobStatus.COMPLETED).count() == 6);

    List<JobRun> runs = allRuns();
    for (long id : lost) {
      JobRun reaped = repository.getJobRunById(id).orElseThrow();
      assertThat(reaped.errorMessage()).contains("node " + victim + " stopped heartbeating");
      JobRun retry =
          runs.stream().filter(r -> Long.valueOf(id).equals(r.retryOf())).findFirst().orElseThrow();
      assertThat(retry.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(retry.attempt()).isEqualTo(2);
      assertThat(retry.nodeId()).isNotEqualTo(victim);
      Execution rerun =
          executions().stream().filter(e -> e.runId() == retry.id()).findFirst().orElseThrow();
      assertThat(Instant.ofEpochMilli(rerun.startedAt())).isAfter(killedAt);
    }
    List<Execution> executions = executions();
    assertThat(executions.stream().map(Execution::runId).collect(Collectors.toSet()))
        .hasSameSizeAs(executions);
    assertThat(ids).allMatch(id -> runs.stream().anyMatch(r -> r.id() == id));
  }
}
