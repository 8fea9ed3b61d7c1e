package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.InvalidRequestException;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.jobs.testing.TestJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Chains on the engine: schedules that follow a job ({@code after JOB}) get one run per completed
 * run of it, with its id, times and statistics, on one node and on two nodes over one database;
 * cycles are refused when saved. Run on each database by its subclasses.
 */
abstract class ChainContract {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  final List<JobEngine> engines = new ArrayList<>();
  final List<Database> databases = new ArrayList<>();
  final Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();

  /** The test's database; each call opens another connection pool to the same one. */
  abstract Database openDatabase();

  /**
   * Starts a second node over the same database: its loop on PostgreSQL; on SQLite, which admits
   * one started node per file, passes of its loop on a thread of the test's. Returns what stops it.
   */
  abstract Runnable startSecondNode(JobEngine engine);

  @AfterEach
  void close() {
    engines.forEach(JobEngine::stop);
    databases.forEach(Database::close);
  }

  /** A builder with this contract's quick timings, storing into a new database. */
  JobEngineBuilder builder(String node) {
    Database database = openDatabase();
    databases.add(database);
    return JobEngine.builder()
        .sharedDatabase(database)
        .nodeId(node)
        .pollInterval(Duration.ofMillis(200))
        .shutdownGrace(Duration.ofSeconds(5))
        .cancelGrace(Duration.ofSeconds(1))
        .maxCatchUp(3)
        .logLinesPerRun(100);
  }

  JobEngine engine(String node, Clock clock) {
    JobEngine engine =
        builder(node)
            .clock(clock)
            .register(counted("sync"))
            .register(counted("refresh"))
            .register(counted("notify"))
            .build();
    engines.add(engine);
    return engine;
  }

  /**
   * A job that counts its executions per run, fails when its parameters say {@code "fail": true},
   * and reports {@code itemsCreated} from its parameters' {@code n}.
   */
  TestJob counted(String name) {
    return TestJob.of(
        name,
        context -> {
          executions.computeIfAbsent(context.runId(), id -> new AtomicInteger()).incrementAndGet();
          JsonNode parameters = JSON.readTree(context.parameters());
          if (parameters.path("fail").asBoolean()) {
            throw new IllegalStateException("told to fail");
          }
          context.result("itemsCreated", parameters.path("n").asLong(7));
        });
  }

  static JobSchedule chain(String job, String frequency) {
    return JobSchedule.of(job, JobType.SYSTEM, frequency);
  }

  static List<JobRun> runsOf(JobEngine engine, String job) {
    List<JobRun> runs =
        new ArrayList<>(
            engine.repository().findRuns(RunQuery.latest(1000).withJobName(job)).runs());
    runs.sort(Comparator.comparing(JobRun::id));
    return runs;
  }

  static void tickAndWait(JobEngine engine) {
    engine.tick();
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).as("runs ended").isTrue();
  }

  /** The {@code after} parameter a run of a chain got. */
  static JsonNode afterOf(JobRun run) throws Exception {
    return JSON.readTree(run.parameters()).path("after");
  }

  static void assertFollows(JobRun follower, JobRun finished) throws Exception {
    assertThat(follower.trigger()).isEqualTo(Trigger.AFTER);
    assertThat(follower.afterRunId()).isEqualTo(finished.id());
    JsonNode after = afterOf(follower);
    assertThat(after.path("runId").asLong()).isEqualTo(finished.id());
    assertThat(after.path("job").asText()).isEqualTo(finished.jobName());
    assertThat(after.path("startedAt").asText()).isEqualTo(finished.startTime().toString());
    assertThat(after.path("endedAt").asText()).isEqualTo(finished.endTime().toString());
    assertThat(after.path("statistics")).isEqualTo(JSON.readTree(finished.metadata()));
  }

  @Test
  void aCompletedRunIsFollowedByItsChainWithItsIdTimesAndStatistics() throws Exception {
    SettableClock clock = new SettableClock(START);
    JobEngine engine = engine("node-a", clock);
    engine.service().createJobSchedule(chain("refresh", "after sync"));
    engine.service().createJobSchedule(chain("notify", "after refresh"));

    JobRun sync = engine.service().runJobManually("sync");
    tickAndWait(engine);
    clock.advance(Duration.ofSeconds(1));
    tickAndWait(engine);
    clock.advance(Duration.ofSeconds(1));
    tickAndWait(engine);

    JobRun synced = engine.service().getJobRunById(sync.id()).orElseThrow();
    List<JobRun> refreshes = runsOf(engine, "refresh");
    List<JobRun> notifies = runsOf(engine, "notify");
    assertThat(refreshes).hasSize(1);
    assertThat(notifies).hasSize(1);
    assertThat(refreshes.get(0).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(notifies.get(0).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(JSON.readTree(synced.metadata()).path("itemsCreated").asLong()).isEqualTo(7);
    assertFollows(refreshes.get(0), synced);
    assertFollows(notifies.get(0), refreshes.get(0));
    assertThat(afterOf(notifies.get(0)).path("after")).isEqualTo(afterOf(refreshes.get(0)));
    assertThat(afterOf(refreshes.get(0)).has("after")).isFalse();
    assertThat(engine.service().getJobScheduleByName("refresh").orElseThrow().lastRunTime())
        .isEqualTo(synced.endTime());
  }

  @Test
  void failedAndCancelledRunsAreFollowedByNothing() {
    SettableClock clock = new SettableClock(START);
    JobEngine engine = engine("node-a", clock);
    engine.service().createJobSchedule(chain("refresh", "after sync"));

    JobRun failing =
        engine
            .service()
            .runJobManually(new io.suasor.jobs.service.ManualRun("sync", null, "{\"fail\":true}"));
    tickAndWait(engine);
    JobRun cancelled = engine.service().runJobManually("sync");
    engine.service().cancelRun(cancelled.id());
    clock.advance(Duration.ofSeconds(1));
    tickAndWait(engine);

    assertThat(engine.service().getJobRunById(failing.id()).orElseThrow().status())
        .isEqualTo(JobStatus.FAILED);
    assertThat(engine.service().getJobRunById(cancelled.id()).orElseThrow().status())
        .isEqualTo(JobStatus.CANCELLED);
    assertThat(runsOf(engine, "refresh")).isEmpty();
  }

  @Test
  void theClockOfAChainFiresAsWell() {
    SettableClock clock = new SettableClock(START);
    JobEngine engine = engine("node-a", clock);
    engine.service().createJobSchedule(chain("refresh", "hourly or after sync"));

    tickAndWait(engine);
    engine.service().runJobManually("sync");
    clock.advance(Duration.ofSeconds(1));
    tickAndWait(engine);
    clock.advance(Duration.ofSeconds(1));
    tickAndWait(engine);

    assertThat(runsOf(engine, "refresh"))
        .extracting(JobRun::trigger)
        .containsExactly(Trigger.SCHEDULE, Trigger.AFTER);
  }

  @Test
  void aChainThatWouldCloseACycleIsRefusedNamingIt() {
    JobEngine engine = engine("node-a", new SettableClock(START));
    var service = engine.service();

    assertThatThrownBy(() -> service.createJobSchedule(chain("sync", "after sync")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("schedule 'sync' would make a cycle: sync after sync");

    service.createJobSchedule(chain("refresh", "after sync"));
    assertThatThrownBy(() -> service.createJobSchedule(chain("sync", "daily or after refresh")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("would make a cycle: refresh after sync after refresh")
        .hasMessageContaining("remove one of these 'after' parts");

    service.createJobSchedule(chain("notify", "after refresh"));
    JobSchedule sync = service.createJobSchedule(chain("sync", "hourly"));
    assertThatThrownBy(() -> service.updateJobSchedule(sync.withFrequency("after notify", "UTC")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(
            "schedule 'sync' would make a cycle: notify after refresh after sync after notify");
    assertThat(service.getJobScheduleByName("sync").orElseThrow().frequency()).isEqualTo("hourly");

    JobSchedule notify = service.getJobScheduleByName("notify").orElseThrow();
    assertThat(service.updateJobSchedule(notify.withFrequency("daily or after sync", "UTC")))
        .extracting(JobSchedule::frequency)
        .isEqualTo("daily or after sync");
  }

  /** A cycle stored past the check (two nodes saving its halves at once) runs one round only. */
  @Test
  void aCycleThatSlippedPastTheCheckRunsOneRound() {
    SettableClock clock = new SettableClock(START);
    JobEngine engine = engine("node-a", clock);
    engine.service().createJobSchedule(chain("refresh", "after sync"));
    engine.service().createJobSchedule(chain("notify", "after refresh"));
    engine.repository().createJobSchedule(chain("sync", "after notify"), START);

    engine.service().runJobManually("sync");
    for (int pass = 0; pass < 5; pass++) {
      tickAndWait(engine);
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(runsOf(engine, "sync")).hasSize(1);
    assertThat(runsOf(engine, "refresh")).hasSize(1);
    assertThat(runsOf(engine, "notify")).hasSize(1);
    assertThat(engine.service().getActiveJobRuns()).isEmpty();
  }

  @Test
  void aChainMustFollowARegisteredJob() {
    JobEngine engine = engine("node-a", new SettableClock(START));

    assertThatThrownBy(() -> engine.service().createJobSchedule(chain("refresh", "after sink")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "there is no job named 'sink' to follow; registered jobs are notify, refresh, sync");
  }

  @Test
  void aDefaultScheduleMayFollowAJobAndIsStoredAsOne() {
    JobEngine engine =
        builder("node-a")
            .clock(new SettableClock(START))
            .register(TestJob.noop("refresh").schedule(Schedule.daily().orAfter("sync")))
            .build();
    engines.add(engine);

    engine.service().syncDatabaseJobs();

    assertThat(engine.service().getJobScheduleByName("refresh").orElseThrow().frequency())
        .isEqualTo("daily or after sync");
  }

  /**
   * Two nodes over one database each run syncs (one of them fails) and follow them: every completed
   * sync gets exactly one refresh, every refresh one notify, each executed once, each with the
   * statistics of the run it follows; the failed sync gets none.
   */
  @Test
  void twoNodesFollowEachCompletedRunExactlyOnce() throws Exception {
    JobEngine a = engine("node-a", Clock.systemUTC());
    JobEngine b = engine("node-b", Clock.systemUTC());
    a.service().createJobSchedule(chain("refresh", "after sync"));
    a.service().createJobSchedule(chain("notify", "after refresh"));
    a.start();
    Runnable stopSecondNode = startSecondNode(b);
    try {
      for (int i = 0; i < 8; i++) {
        String parameters = i == 3 ? "{\"fail\":true}" : "{\"n\":" + i + "}";
        JobEngine node = i % 2 == 0 ? a : b;
        node.repository()
            .createJobRun(
                NewRun.of("sync", JobType.SYNC, Trigger.MANUAL, Instant.now())
                    .withParameters(parameters)
                    .withConcurrencyLimit(NewRun.UNLIMITED),
                Instant.now());
        a.wakeUp();
      }
      // Runs of chains are inserted with the end of the run they follow: once every sync has
      // ended and then nothing is active, the whole chain has run.
      Await.until(
          "every sync and every run after it ended",
          Duration.ofSeconds(60),
          () ->
              runsOf(a, "sync").stream().noneMatch(JobRun::isActive)
                  && a.service().getActiveJobRuns().isEmpty());
    } finally {
      stopSecondNode.run();
    }

    List<JobRun> syncs = runsOf(a, "sync");
    List<JobRun> refreshes = runsOf(a, "refresh");
    List<JobRun> notifies = runsOf(a, "notify");
    List<JobRun> completed = syncs.stream().filter(r -> r.status() == JobStatus.COMPLETED).toList();
    JobRun failed = syncs.stream().filter(r -> r.status() == JobStatus.FAILED).findFirst().get();
    assertThat(completed).hasSize(7);
    assertThat(refreshes).hasSize(7);
    assertThat(notifies).hasSize(7);
    assertThat(refreshes).extracting(JobRun::afterRunId).doesNotContain(failed.id());
    for (JobRun sync : completed) {
      List<JobRun> after =
          refreshes.stream().filter(r -> Long.valueOf(sync.id()).equals(r.afterRunId())).toList();
      assertThat(after).as("refreshes after sync %d", sync.id()).hasSize(1);
      assertFollows(after.get(0), sync);
      JobRun refresh = after.get(0);
      List<JobRun> notified =
          notifies.stream().filter(r -> Long.valueOf(refresh.id()).equals(r.afterRunId())).toList();
      assertThat(notified).as("notifications after refresh %d", refresh.id()).hasSize(1);
      assertFollows(notified.get(0), refresh);
    }
    for (JobRun run : concat(syncs, refreshes, notifies)) {
      assertThat(executions.get(run.id())).as("executions of run %d", run.id()).hasValue(1);
    }
  }

  @SafeVarargs
  private static List<JobRun> concat(List<JobRun>... lists) {
    List<JobRun> all = new ArrayList<>();
    for (List<JobRun> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
