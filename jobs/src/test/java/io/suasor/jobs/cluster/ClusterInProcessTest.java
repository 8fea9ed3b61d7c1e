package io.suasor.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.zaxxer.hikari.HikariDataSource;
import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.engine.JobEngineBuilder;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.NodeConflictException;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.CapturedLogs;
import io.suasor.jobs.testing.EventRecorder;
import io.suasor.jobs.testing.ObservedDataSource;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.jobs.testing.TestDatabases;
import io.suasor.jobs.testing.TestJob;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several nodes in one JVM: fencing, cross-node cancellation, outages, the single SQLite node. */
class ClusterInProcessTest {
  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  private final List<JobEngine> engines = new ArrayList<>();
  private final List<Database> databases = new ArrayList<>();

  /** The engine's outage lines: a write that failed, and that it worked again on a retry. */
  private final CapturedLogs logs = CapturedLogs.of("io.suasor.jobs.engine");

  /** Time enough to see a failure when the pool waits 5 s for a connection before giving up. */
  private static final Duration OUTAGE_SEEN = Duration.ofSeconds(30);

  @AfterEach
  void close() {
    engines.forEach(JobEngine::stop);
    databases.forEach(Database::close);
    logs.close();
  }

  /** Quick timings for an engine named {@code nodeId}, with the liveness timings a test needs. */
  private static UnaryOperator<JobEngineBuilder> settings(
      String nodeId, Duration heartbeat, Duration deadAfter) {
    return builder ->
        builder
            .nodeId(nodeId)
            .pollInterval(Duration.ofSeconds(2))
            .progressFlushInterval(Duration.ofMillis(100))
            .heartbeatInterval(heartbeat)
            .deadRunThreshold(deadAfter)
            .shutdownGrace(Duration.ofSeconds(1))
            .cancelGrace(Duration.ofSeconds(1))
            .logLinesPerRun(100);
  }

  private JobEngine engine(
      Database database,
      UnaryOperator<JobEngineBuilder> settings,
      Clock clock,
      EventRecorder events,
      TestJob... jobs) {
    var builder =
        settings.apply(JobEngine.builder().sharedDatabase(database)).clock(clock).listener(events);
    for (TestJob job : jobs) {
      builder.register(job);
    }
    JobEngine engine = builder.build();
    engines.add(engine);
    return engine;
  }

  private Database track(Database database) {
    databases.add(database);
    return database;
  }

  private static String url(Database database) throws SQLException {
    return database.dataSource().unwrap(HikariDataSource.class).getJdbcUrl();
  }

  /** What the statements of an observed node tell: it listens, it has read its due times twice. */
  private record Watched(CountDownLatch listening, CountDownLatch dueTimesRead) {
    Watched() {
      this(new CountDownLatch(1), new CountDownLatch(2));
    }

    void executed(String sql) {
      if (sql.startsWith("LISTEN ")) {
        listening.countDown();
      } else if (sql.contains("ORDER BY next_run_time LIMIT 1")) {
        dueTimesRead.countDown();
      }
    }
  }

  /**
   * Another pool on the database at {@code url}, which tells {@code executed} of each statement it
   * ran: a test waits on those to know what a node has done when no event says so.
   */
  private Database observed(String url, Consumer<String> executed) {
    Database pool = track(Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 4));
    return Database.of(ObservedDataSource.of(pool.dataSource(), executed));
  }

  @Test
  void aNodeWhoseHeartbeatsStoppedCannotCompleteTheRunThatWasReaped() throws Exception {
    Database database = track(TestDatabases.postgres(8));
    SettableClock clockA = new SettableClock(T0);
    SettableClock clockB = new SettableClock(T0);
    EventRecorder eventsA = new EventRecorder();
    EventRecorder eventsB = new EventRecorder();
    CountDownLatch release = new CountDownLatch(1);
    RetryPolicy twice = new RetryPolicy(2, Duration.ofSeconds(1), 1, Duration.ofSeconds(1), 0);
    Duration heartbeat = Duration.ofSeconds(5);
    Duration deadAfter = Duration.ofSeconds(30);
    JobEngine a =
        engine(
            database,
            settings("node-a", heartbeat, deadAfter),
            clockA,
            eventsA,
            TestJob.of("held.job", context -> release.await()).retry(twice));
    JobEngine b =
        engine(
            database,
            settings("node-b", heartbeat, deadAfter),
            clockB,
            eventsB,
            TestJob.noop("held.job").retry(twice));

    JobRun run = a.service().runJobManually("held.job");
    a.tick();
    eventsA.awaitStarted(run.id());

    // Node A goes quiet (no more ticks, so no heartbeats) while its job goes on.
    clockB.set(T0.plusSeconds(31));
    b.tick();
    JobRun reaped = eventsB.awaitFinished(run.id());
    assertThat(reaped.status()).isEqualTo(JobStatus.FAILED);
    assertThat(reaped.errorMessage()).contains("node node-a stopped heartbeating");
    clockB.set(T0.plusSeconds(32));
    b.tick();
    assertThat(b.awaitIdle(Duration.ofSeconds(10))).isTrue();

    release.countDown();
    assertThat(a.awaitIdle(Duration.ofSeconds(10))).isTrue();

    assertThat(a.service().getJobRunById(run.id())).contains(reaped);
    assertThat(eventsA.eventsOf(run.id())).noneMatch(e -> e instanceof JobEvent.RunFinished);
    JobRun retry =
        b.service().findRuns(RunQuery.latest(10)).runs().stream()
            .filter(r -> Long.valueOf(run.id()).equals(r.retryOf()))
            .findFirst()
            .orElseThrow();
    assertThat(retry.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(retry.nodeId()).isEqualTo("node-b");
  }

  @Test
  void aCancellationThroughOneNodeStopsARunOnAnotherAtOnce() throws Exception {
    Database databaseA = track(TestDatabases.postgres(4));
    Watched watched = new Watched();
    Database databaseB = observed(url(databaseA), watched::executed);
    EventRecorder events = new EventRecorder();
    // B heartbeats once an hour, so only the notification can tell it in time.
    JobEngine b =
        engine(
            databaseB,
            settings("node-b", Duration.ofHours(1), Duration.ofHours(2)),
            Clock.systemUTC(),
            events,
            TestJob.of(
                "long.job",
                context -> {
                  while (true) {
                    context.checkCancelled();
                    Thread.sleep(5);
                  }
                }));
    b.start();
    assertThat(watched.listening().await(20, TimeUnit.SECONDS)).as("node B listens").isTrue();
    JobRun run = b.service().runJobManually("long.job");
    events.awaitStarted(run.id());
    JobEngine a =
        engine(
            databaseA,
            settings("node-a", Duration.ofSeconds(20), Duration.ofSeconds(60)),
            Clock.systemUTC(),
            new EventRecorder());

    Instant asked = Instant.now();
    assertThat(a.service().cancelRun(run.id())).isEqualTo(CancelOutcome.REQUESTED);
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(ended.nodeId()).isEqualTo("node-b");
    assertThat(Duration.between(asked, ended.endTime())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void nodesRecoverWhenPostgresStopsAndComesBack(@TempDir Path dataDirectory) throws Exception {
    EmbeddedPostgres.Builder server = restartablePostgres(dataDirectory);
    EmbeddedPostgres postgres = server.start();
    try {
      String url = postgres.getJdbcUrl(TestDatabases.USER, "postgres");
      List<JobEngine> nodes = new ArrayList<>();
      for (String node : List.of("node-1", "node-2")) {
        Database database =
            track(Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 4));
        JobEngine engine =
            engine(
                database,
                settings(node, Duration.ofMillis(500), Duration.ofSeconds(5)),
                Clock.systemUTC(),
                new EventRecorder(),
                TestJob.noop("tick.job").maxConcurrency(0));
        nodes.add(engine);
      }
      JobEngine first = nodes.get(0);
      Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
      first
          .repository()
          .createJobSchedule(
              JobSchedule.of("tick.job", JobType.SYSTEM, "every 1s").withNextRunTime(start),
              Instant.now());
      nodes.forEach(JobEngine::start);
      Await.until("runs before the outage", Duration.ofSeconds(30), () -> completed(first) >= 3);

      postgres.close();
      Instant outage = Instant.now();
      // Each node's loop fails a pass, its heartbeat write at least, before the server is back.
      for (String node : List.of("node-1", "node-2")) {
        logs.await(node + " failing a pass", outage(node, "failed; retrying"), OUTAGE_SEEN);
      }
      postgres = server.start();

      Await.until(
          "runs after the outage",
          Duration.ofSeconds(60),
          () -> {
            try {
              return first.service().findRuns(RunQuery.latest(1000)).runs().stream()
                      .filter(r -> r.status() == JobStatus.COMPLETED)
                      .filter(r -> r.scheduledFor().isAfter(outage.plusSeconds(5)))
                      .count()
                  >= 3;
            } catch (RuntimeException e) {
              return false;
            }
          });
      assertThat(nodes).allMatch(JobEngine::isRunning);
      for (String node : List.of("node-1", "node-2")) {
        assertThat(
                failedAttempts(
                    logs.await(
                        node + " recovering", outage(node, "works again after"), OUTAGE_SEEN)))
            .isPositive();
      }
      first.service().pauseSchedule("tick.job");
      Await.until(
          "the last runs",
          Duration.ofSeconds(30),
          () -> first.service().getActiveJobRuns().isEmpty());
      nodes.forEach(JobEngine::stop);

      List<Instant> instants =
          new ArrayList<>(
              first.service().findRuns(RunQuery.latest(1000)).runs().stream()
                  .map(JobRun::scheduledFor)
                  .toList());
      instants.sort(null);
      assertThat(new HashSet<>(instants)).hasSameSizeAs(instants);
      assertThat(instants.get(0)).isEqualTo(start);
      for (int i = 1; i < instants.size(); i++) {
        assertThat(instants.get(i)).isEqualTo(instants.get(i - 1).plusSeconds(1));
      }
      assertThat(first.service().findRuns(RunQuery.latest(1000)).runs())
          .extracting(JobRun::status)
          .containsOnly(JobStatus.COMPLETED);
    } finally {
      stopEnginesAndDatabases();
      postgres.close();
    }
  }

  @Test
  void runsThatEndWhilePostgresIsAwayAreRecordedWhenItComesBack(@TempDir Path dataDirectory)
      throws Exception {
    EmbeddedPostgres.Builder server = restartablePostgres(dataDirectory);
    EmbeddedPostgres postgres = server.start();
    try {
      String url = postgres.getJdbcUrl(TestDatabases.USER, "postgres");
      Database database = track(Database.postgres(url, TestDatabases.USER, TestDatabases.USER, 4));
      CountDownLatch release = new CountDownLatch(1);
      EventRecorder events = new EventRecorder();
      JobEngine engine =
          engine(
              database,
              settings("node-1", Duration.ofMillis(500), Duration.ofSeconds(30)),
              Clock.systemUTC(),
              events,
              TestJob.of("held", context -> release.await()).maxConcurrency(0));
      List<Long> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(engine.service().runJobManually("held").id());
      }
      engine.start();
      runs.forEach(events::awaitStarted);

      postgres.close();
      // The runs end while nothing can be written; the engine keeps their ends and retries.
      release.countDown();
      logs.await("a failed write of the runs' ends", endsWritten("failed; retrying"), OUTAGE_SEEN);
      postgres = server.start();

      for (long run : runs) {
        assertThat(events.awaitFinished(run).status()).isEqualTo(JobStatus.COMPLETED);
      }
      assertThat(
              failedAttempts(
                  logs.await("the ends written", endsWritten("works again after"), OUTAGE_SEEN)))
          .isPositive();
      assertThat(engine.isRunning()).isTrue();
      assertThat(engine.service().findRuns(RunQuery.latest(100)).runs())
          .extracting(JobRun::status)
          .containsOnly(JobStatus.COMPLETED);
    } finally {
      stopEnginesAndDatabases();
      postgres.close();
    }
  }

  /** The outage log lines of node {@code node}'s loop that contain {@code text}. */
  private static Predicate<ILoggingEvent> outage(String node, String text) {
    return line ->
        line.getThreadName().equals("suasor-engine-" + node)
            && line.getFormattedMessage().startsWith("the job engine's pass " + text);
  }

  /** The outage log lines of the writer of runs' ends that contain {@code text}. */
  private static Predicate<ILoggingEvent> endsWritten(String text) {
    return line ->
        (line.getFormattedMessage().startsWith("recording the end")
                || line.getFormattedMessage().startsWith("recording the starts and ends"))
            && line.getFormattedMessage().contains(text);
  }

  /** The attempts that failed before a write worked again, as its outage's last line says. */
  private static int failedAttempts(ILoggingEvent recovered) {
    Matcher attempts =
        Pattern.compile("after (\\d+) failed attempts").matcher(recovered.getFormattedMessage());
    assertThat(attempts.find()).as(recovered.getFormattedMessage()).isTrue();
    return Integer.parseInt(attempts.group(1));
  }

  /** A server on a fixed port and data folder, so that it can be stopped and started again. */
  private static EmbeddedPostgres.Builder restartablePostgres(Path dataDirectory)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port);
  }

  /** Stops the engines and closes their databases before the server they use goes away. */
  private void stopEnginesAndDatabases() {
    engines.forEach(JobEngine::stop);
    engines.clear();
    databases.forEach(Database::close);
    databases.clear();
  }

  private static long completed(JobEngine engine) {
    return engine
        .service()
        .findRuns(RunQuery.latest(1000).withStatus(JobStatus.COMPLETED))
        .runs()
        .size();
  }

  @Test
  void aSecondNodeOnOneSqliteFileIsRefused(@TempDir Path folder) {
    JobEngine first =
        engine(
            track(TestDatabases.sqlite(folder)),
            builder -> builder.nodeId("first"),
            Clock.systemUTC(),
            new EventRecorder());
    JobEngine second =
        engine(
            track(TestDatabases.sqlite(folder)),
            builder -> builder.nodeId("second"),
            Clock.systemUTC(),
            new EventRecorder());
    first.start();

    assertThatThrownBy(second::start)
        .isInstanceOf(NodeConflictException.class)
        .hasMessageContaining("node first")
        .hasMessageContaining("SQLite supports one node");
    assertThat(second.isRunning()).isFalse();

    first.stop();
    second.start();
    assertThat(second.isRunning()).isTrue();
  }

  @Test
  void aScheduleEditedThroughOneNodeFiresOnAnotherWithoutWaitingForItsPoll() throws Exception {
    Database databaseA = track(TestDatabases.postgres(4));
    Watched watched = new Watched();
    Database databaseB = observed(url(databaseA), watched::executed);
    EventRecorder eventsB = new EventRecorder();
    // B polls once an hour: only the notification wakes it sooner.
    UnaryOperator<JobEngineBuilder> slowPoll =
        builder ->
            settings("node-b", Duration.ofSeconds(20), Duration.ofSeconds(60))
                .apply(builder)
                .workerThreads(2)
                .pollInterval(Duration.ofHours(1));
    JobEngine b =
        engine(databaseB, slowPoll, Clock.systemUTC(), eventsB, TestJob.noop("edited.job"));
    JobEngine a =
        engine(
            databaseA,
            settings("node-a", Duration.ofSeconds(20), Duration.ofSeconds(60)),
            Clock.systemUTC(),
            new EventRecorder(),
            TestJob.noop("edited.job"));
    JobSchedule created =
        a.service()
            .createJobSchedule(
                JobSchedule.of("edited.job", JobType.SYSTEM, "daily at 03:00")
                    .withFrequency("daily at 03:00", "UTC"));
    b.start();
    // B reads its due times after its first pass, and again after the pass that its listening
    // connection asks for once it listens; it reads them next when woken or after an hour. So an
    // edit after the second read reaches it only by the notification.
    assertThat(watched.listening().await(20, TimeUnit.SECONDS)).as("node B listens").isTrue();
    assertThat(watched.dueTimesRead().await(20, TimeUnit.SECONDS))
        .as("node B's first passes")
        .isTrue();

    Instant edited = Instant.now();
    a.service().updateJobSchedule(created.withFrequency("every 1h", "UTC"));

    JobEvent fired = eventsB.await(e -> e instanceof JobEvent.RunFinished, Duration.ofSeconds(20));
    assertThat(((JobEvent.RunFinished) fired).run().nodeId()).isEqualTo("node-b");
    assertThat(Duration.between(edited, ((JobEvent.RunFinished) fired).run().endTime()))
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aRunFeedSeesWhatAnotherNodeDoes() throws Exception {
    Database databaseA = track(TestDatabases.postgres(4));
    Database databaseB =
        track(Database.postgres(url(databaseA), TestDatabases.USER, TestDatabases.USER, 4));
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    EventRecorder eventsB = new EventRecorder();
    JobEngine b =
        engine(
            databaseB,
            settings("node-b", Duration.ofSeconds(5), Duration.ofSeconds(30)),
            Clock.systemUTC(),
            eventsB,
            TestJob.of(
                "watched.job",
                context -> {
                  context.totalItems(4);
                  context.advance(2);
                  halfway.countDown();
                  finish.await();
                  context.advance(2);
                }));
    JobEngine a =
        engine(
            databaseA,
            settings("node-a", Duration.ofSeconds(5), Duration.ofSeconds(30)),
            Clock.systemUTC(),
            new EventRecorder());
    io.suasor.jobs.event.RunFeed feed =
        new io.suasor.jobs.event.RunFeed(a.repository(), "node-a", Instant.now().minusSeconds(1));
    List<JobEvent> seen = new ArrayList<>();

    JobRun run =
        a.repository()
            .createJobRun(
                io.suasor.jobs.model.NewRun.of(
                    "watched.job",
                    JobType.SYSTEM,
                    io.suasor.jobs.model.Trigger.MANUAL,
                    Instant.now()),
                Instant.now());
    seen.addAll(feed.poll());
    b.start();
    assertThat(halfway.await(20, TimeUnit.SECONDS)).isTrue();
    Await.until(
        "progress written",
        Duration.ofSeconds(20),
        () -> a.repository().getJobRunById(run.id()).orElseThrow().processedItems() == 2);
    seen.addAll(feed.poll());
    finish.countDown();
    eventsB.awaitFinished(run.id());
    seen.addAll(feed.poll());
    seen.addAll(feed.poll());

    List<Class<?>> kinds = seen.stream().<Class<?>>map(Object::getClass).toList();
    assertThat(kinds)
        .containsSubsequence(
            JobEvent.RunCreated.class, JobEvent.RunStarted.class, JobEvent.RunFinished.class);
    assertThat(seen).filteredOn(e -> e instanceof JobEvent.RunFinished).hasSize(1);
    assertThat(seen).filteredOn(e -> e instanceof JobEvent.RunCreated).hasSize(1);
    JobEvent.RunFinished done =
        (JobEvent.RunFinished)
            seen.stream().filter(e -> e instanceof JobEvent.RunFinished).findFirst().orElseThrow();
    assertThat(done.run().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.run().nodeId()).isEqualTo("node-b");
  }
}
