package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.MisfirePolicy;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.JobBusyException;
import io.suasor.jobs.service.SyncReport;
import io.suasor.jobs.service.UnknownJobException;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.TestJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The engine's behaviour, driven by a settable clock and {@link JobEngine#tick()}; run on each
 * database by its subclasses.
 */
abstract class EngineContract extends EngineNodes {

  JobEngine engine(TestJob... jobs) {
    return node("node-a", jobs);
  }

  /** An engine node on the test's database, running {@code jobs}. */
  JobEngine node(String nodeId, TestJob... jobs) {
    JobEngineBuilder builder =
        JobEngine.builder()
            .sharedDatabase(database)
            .clock(clock)
            .nodeId(nodeId)
            .shutdownGrace(Duration.ofMillis(500))
            .cancelGrace(Duration.ofSeconds(1))
            .maxCatchUp(3)
            .logLinesPerRun(100)
            .random(new SplittableRandom(7))
            .listener(events);
    for (TestJob job : jobs) {
      builder.register(job);
    }
    JobEngine engine = builder.build();
    engines.add(engine);
    return engine;
  }

  /** One loop pass at the clock's time, then waits until the runs it started have ended. */
  static void tickAndWait(JobEngine engine) {
    engine.tick();
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).as("runs ended").isTrue();
  }

  List<JobRun> runsOf(String jobName) {
    List<JobRun> runs =
        new ArrayList<>(
            database == null
                ? List.of()
                : engines
                    .get(0)
                    .repository()
                    .findRuns(RunQuery.latest(1000).withJobName(jobName))
                    .runs());
    runs.sort(Comparator.comparing(JobRun::id));
    return runs;
  }

  static List<Instant> expectedFires(Schedule schedule, Instant createdAt, Instant until) {
    List<Instant> fires = new ArrayList<>();
    Instant next = schedule.firstFireAt(createdAt).orElse(null);
    while (next != null && !next.isAfter(until)) {
      fires.add(next);
      next = schedule.nextFireAfter(next).orElse(null);
    }
    return fires;
  }

  @Test
  void schedulesFireAtTheirInstantsOverASimulatedMonthAcrossARestart() {
    String[][] table = {
      {"daily.job", "daily at 03:00", "Europe/Berlin"},
      {"weekly.job", "weekly on mon at 02:00", "Europe/Berlin"},
      {"monthly.job", "monthly on 31 at 04:00", "UTC"},
      {"cron.job", "cron 0 */6 * * *", "America/New_York"},
      {"relative.job", "daily", "UTC"},
    };
    TestJob[] jobs = new TestJob[table.length];
    for (int i = 0; i < table.length; i++) {
      jobs[i] = TestJob.noop(table[i][0]);
    }
    JobEngine engine = engine(jobs);
    for (String[] row : table) {
      engine
          .service()
          .createJobSchedule(
              JobSchedule.of(row[0], JobType.SYSTEM, row[1]).withFrequency(row[1], row[2]));
    }

    Instant end = START.plus(Duration.ofDays(31));
    int hours = (int) Duration.between(START, end).toHours();
    for (int hour = 0; hour <= hours; hour++) {
      clock.set(START.plus(Duration.ofHours(hour)));
      if (hour == 15 * 24 + 7) {
        engine.stop();
        engine = engine(jobs);
      }
      tickAndWait(engine);
    }

    for (String[] row : table) {
      Schedule schedule = Schedule.parse(row[1], ZoneId.of(row[2]));
      List<JobRun> runs = runsOf(row[0]);
      assertThat(runs)
          .extracting(JobRun::scheduledFor)
          .as(row[0])
          .containsExactlyElementsOf(expectedFires(schedule, START, end));
      assertThat(runs).extracting(JobRun::status).containsOnly(JobStatus.COMPLETED);
      assertThat(runs).extracting(JobRun::trigger).containsOnly(Trigger.SCHEDULE);
    }
    assertThat(runsOf("daily.job")).hasSize(31);
    assertThat(runsOf("weekly.job")).hasSize(5);
    assertThat(runsOf("monthly.job")).hasSize(1);
  }

  JobEngine misfireEngine(MisfirePolicy policy) {
    JobEngine engine = engine(TestJob.noop("hourly.job"));
    engine
        .service()
        .createJobSchedule(
            JobSchedule.of("hourly.job", JobType.SYSTEM, "every 1h")
                .withPolicies(policy, null, null));
    tickAndWait(engine);
    assertThat(runsOf("hourly.job")).hasSize(1);
    clock.set(START.plus(Duration.ofMinutes(5 * 60 + 30)));
    tickAndWait(engine);
    return engine;
  }

  @Test
  void aMissedScheduleFiresOnceByDefault() {
    JobEngine engine = misfireEngine(MisfirePolicy.FIRE_ONCE);
    assertThat(runsOf("hourly.job"))
        .extracting(JobRun::scheduledFor)
        .containsExactly(START, START.plus(Duration.ofHours(5)));
    assertThat(engine.service().getJobScheduleByName("hourly.job").orElseThrow().nextRunTime())
        .isEqualTo(START.plus(Duration.ofHours(6)));
  }

  @Test
  void aMissedScheduleWithSkipRunsNone() {
    JobEngine engine = misfireEngine(MisfirePolicy.SKIP);
    assertThat(runsOf("hourly.job")).extracting(JobRun::scheduledFor).containsExactly(START);
    assertThat(engine.service().getJobScheduleByName("hourly.job").orElseThrow().nextRunTime())
        .isEqualTo(START.plus(Duration.ofHours(6)));
  }

  @Test
  void aMissedScheduleWithCatchUpRunsTheLastFew() {
    misfireEngine(MisfirePolicy.CATCH_UP);
    assertThat(runsOf("hourly.job"))
        .extracting(JobRun::scheduledFor)
        .containsExactly(
            START,
            START.plus(Duration.ofHours(3)),
            START.plus(Duration.ofHours(4)),
            START.plus(Duration.ofHours(5)));
  }

  @Test
  void aManualRunExistsAtOnceAndABusyJobIsAConflict() {
    JobEngine engine = engine(TestJob.noop("manual.job"));
    JobRun run = engine.service().runJobManually("manual.job");

    assertThat(run.status()).isEqualTo(JobStatus.PENDING);
    assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
    assertThat(engine.service().getActiveJobRuns())
        .extracting(JobRun::id)
        .containsExactly(run.id());
    assertThatThrownBy(() -> engine.service().runJobManually("manual.job"))
        .isInstanceOf(JobBusyException.class)
        .hasMessageContaining("already running or waiting");
    assertThatThrownBy(() -> engine.service().runJobManually("nope"))
        .isInstanceOf(UnknownJobException.class)
        .hasMessageContaining("manual.job");

    tickAndWait(engine);
    assertThat(engine.service().getJobRunById(run.id()).orElseThrow().status())
        .isEqualTo(JobStatus.COMPLETED);
    assertThat(runsOf("manual.job")).hasSize(1);
    assertThat(engine.service().runJobManually("manual.job").id()).isNotEqualTo(run.id());
  }

  @Test
  void retriesComeAtTheirBackoffInstantsAndStopAtTheLimit() {
    TestJob flaky =
        TestJob.of(
                "flaky.job",
                context -> {
                  throw new IllegalStateException(
                      "source unreachable, attempt " + context.attempt());
                })
            .retry(new RetryPolicy(3, Duration.ofSeconds(10), 2, Duration.ofHours(1), 0));
    JobEngine engine = engine(flaky);
    JobRun first = engine.service().runJobManually("flaky.job");
    tickAndWait(engine);

    clock.set(START.plusSeconds(9));
    tickAndWait(engine);
    assertThat(runsOf("flaky.job")).hasSize(2);
    clock.set(START.plusSeconds(10));
    tickAndWait(engine);
    clock.set(START.plusSeconds(29));
    tickAndWait(engine);
    clock.set(START.plusSeconds(30));
    tickAndWait(engine);
    clock.set(START.plus(Duration.ofHours(2)));
    tickAndWait(engine);

    List<JobRun> runs = runsOf("flaky.job");
    assertThat(runs).extracting(JobRun::attempt).containsExactly(1, 2, 3);
    assertThat(runs).extracting(JobRun::status).containsOnly(JobStatus.FAILED);
    assertThat(runs)
        .extracting(JobRun::runAt)
        .containsExactly(START, START.plusSeconds(10), START.plusSeconds(30));
    assertThat(runs)
        .extracting(JobRun::retryOf)
        .containsExactly(null, first.id(), runs.get(1).id());
    assertThat(runs)
        .extracting(JobRun::trigger)
        .containsExactly(Trigger.MANUAL, Trigger.RETRY, Trigger.RETRY);
    assertThat(runs.get(2).errorMessage())
        .isEqualTo("IllegalStateException: source unreachable, attempt 3");
    assertThat(runs.get(0).metadata()).isEqualTo("{}");
  }

  @Test
  void aRunPastItsTimeoutIsCancelledAndFailedSayingSo() {
    TestJob slow =
        TestJob.of(
                "slow.job",
                context -> {
                  while (!context.isCancelled()) {
                    Thread.sleep(1);
                  }
                  context.checkCancelled();
                })
            .timeout(Duration.ofMinutes(1));
    JobEngine engine = engine(slow);
    JobRun run = engine.service().runJobManually("slow.job");
    engine.tick();
    events.awaitStarted(run.id());

    clock.set(START.plusSeconds(61));
    engine.tick();
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.errorMessage()).isEqualTo("timed out after 1m 1s (its timeout is 1m)");
  }

  @Test
  void cancellingAPendingRunEndsItAtOnce() {
    JobEngine engine = engine(TestJob.noop("pending.job"));
    JobRun run = engine.service().runJobManually("pending.job");

    assertThat(engine.service().cancelRun(run.id())).isEqualTo(CancelOutcome.CANCELLED);
    tickAndWait(engine);

    JobRun read = engine.service().getJobRunById(run.id()).orElseThrow();
    assertThat(read.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(read.startTime()).isNull();
    assertThat(engine.service().cancelRun(run.id())).isEqualTo(CancelOutcome.ALREADY_ENDED);
  }

  @Test
  void cancellingARunningRunStopsItCooperatively() throws Exception {
    java.util.concurrent.CountDownLatch looping = new java.util.concurrent.CountDownLatch(1);
    TestJob loop =
        TestJob.of(
            "loop.job",
            context -> {
              for (long i = 0; ; i++) {
                context.advance(1);
                looping.countDown();
                context.checkCancelled();
                Thread.sleep(1);
              }
            });
    JobEngine engine = engine(loop);
    JobRun run = engine.service().runJobManually("loop.job");
    engine.tick();
    assertThat(looping.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(engine.service().cancelRun(run.id())).isEqualTo(CancelOutcome.REQUESTED);
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(ended.errorMessage()).isEqualTo("run cancelled on request");
    assertThat(ended.processedItems()).isPositive();
  }

  @Test
  void aCancelFlagSetInTheDatabaseReachesTheRunAtTheNextHeartbeat() {
    TestJob loop =
        TestJob.of(
            "loop.job",
            context -> {
              while (true) {
                context.checkCancelled();
                Thread.sleep(1);
              }
            });
    JobEngine engine = engine(loop);
    JobRun run = engine.service().runJobManually("loop.job");
    engine.tick();
    events.awaitStarted(run.id());

    // As another node's API would: only the flag in the database.
    engine.repository().requestCancel(run.id(), clock.instant());
    clock.set(START.plusSeconds(5));
    engine.tick();

    assertThat(events.awaitFinished(run.id()).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void aRunIgnoringCancellationIsInterruptedAfterTheGrace() throws InterruptedException {
    java.util.concurrent.CountDownLatch sleeping = new java.util.concurrent.CountDownLatch(1);
    TestJob sleeper =
        TestJob.of(
            "sleeper.job",
            context -> {
              sleeping.countDown();
              Thread.sleep(600_000);
            });
    JobEngine engine = engine(sleeper);
    JobRun run = engine.service().runJobManually("sleeper.job");
    engine.tick();
    events.awaitStarted(run.id());
    // The job itself, not only its run: a cancel that reaches a run whose worker has not begun the
    // job yet stops it at once, before any grace (the run.started event comes just before).
    assertThat(sleeping.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    engine.service().cancelRun(run.id());

    engine.tick();
    assertThat(engine.service().getJobRunById(run.id()).orElseThrow().status())
        .isEqualTo(JobStatus.RUNNING);
    clock.set(START.plusSeconds(1));
    engine.tick();

    assertThat(events.awaitFinished(run.id()).status()).isEqualTo(JobStatus.CANCELLED);
  }

  @Test
  void aMillionAdvancesCostOneProgressWritePerFlushInterval() throws Exception {
    int chunks = 50;
    Duration chunkTime = Duration.ofMillis(50);
    Semaphore chunkDone = new Semaphore(0);
    Semaphore goOn = new Semaphore(0);
    TestJob counter =
        TestJob.of(
            "million.job",
            context -> {
              context.totalItems(1_000_000);
              for (int i = 1; i <= 1_000_000; i++) {
                context.advance(1);
                if (i % (1_000_000 / chunks) == 0) {
                  chunkDone.release();
                  goOn.acquire();
                }
              }
              context.result("counted", 1_000_000);
            });
    JobEngine engine = engine(counter);
    JobRun run = engine.service().runJobManually("million.job");
    engine.tick();
    // The job pauses after each chunk while the engine's time moves on and the loop passes: the
    // progress is written when a flush interval has passed since the last write, never more.
    for (int chunk = 0; chunk < chunks; chunk++) {
      assertThat(chunkDone.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      clock.advance(chunkTime);
      engine.tick();
      goOn.release();
    }
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();

    JobRun ended = events.awaitFinished(run.id());
    long writes =
        events.eventsOf(run.id()).stream().filter(e -> e instanceof JobEvent.RunProgress).count();
    assertThat(ended.processedItems()).isEqualTo(1_000_000);
    assertThat(ended.progress()).isEqualTo(100);
    assertThat(ended.metadata()).isEqualTo("{\"counted\":1000000}");
    Duration ran = chunkTime.multipliedBy(chunks);
    long intervals = ran.toMillis() / engine.settings().progressFlushInterval().toMillis();
    assertThat(writes).isEqualTo(intervals);
  }

  @Test
  void throwingJobsAndErrorsLeaveTheLoopRunning() {
    JobEngine engine =
        engine(
            TestJob.of(
                "throws.job",
                context -> {
                  throw new IllegalArgumentException("bad item");
                }),
            TestJob.of(
                "error.job",
                context -> {
                  throw new StackOverflowError("deep");
                }),
            TestJob.noop("fine.job"));
    engine.start();

    JobRun thrown = engine.service().runJobManually("throws.job");
    JobRun errored = engine.service().runJobManually("error.job");
    assertThat(events.awaitFinished(thrown.id()).errorMessage())
        .isEqualTo("IllegalArgumentException: bad item");
    assertThat(events.awaitFinished(errored.id()).errorMessage())
        .isEqualTo("StackOverflowError: deep");
    JobRun fine = engine.service().runJobManually("fine.job");

    assertThat(events.awaitFinished(fine.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(engine.isRunning()).isTrue();
  }

  @Test
  void stopLeavesNoRunRunning() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    TestJob cooperative =
        TestJob.of(
            "cooperative.job",
            context -> {
              while (true) {
                context.checkCancelled();
                Thread.sleep(1);
              }
            });
    TestJob stubborn =
        TestJob.of(
            "stubborn.job",
            context -> {
              while (release.getCount() > 0) {
                try {
                  release.await();
                } catch (InterruptedException ignored) {
                  // A badly written job: it swallows the interrupt and carries on.
                }
              }
            });
    JobEngine engine = engine(cooperative, stubborn);
    JobRun a = engine.service().runJobManually("cooperative.job");
    JobRun b = engine.service().runJobManually("stubborn.job");
    engine.tick();
    events.awaitStarted(a.id());
    events.awaitStarted(b.id());

    engine.stop();

    assertThat(engine.service().getActiveJobRuns()).isEmpty();
    assertThat(engine.service().getJobRunById(a.id()).orElseThrow().errorMessage())
        .isEqualTo("run stopped because its node shut down");
    assertThat(engine.service().getJobRunById(b.id()).orElseThrow().status())
        .isEqualTo(JobStatus.CANCELLED);
    release.countDown();
  }

  @Test
  void stopInABurnOfShortRunsRecordsEveryEndedRunAsCompletedAndLeavesNoneRunning()
      throws Exception {
    java.util.Set<Long> executed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    TestJob quick =
        TestJob.of("quick", context -> executed.add(context.runId()))
            .maxConcurrency(NewRun.UNLIMITED);
    JobEngine engine = engine(quick);
    createRuns(engine, "quick", 800);
    engine.start();
    Await.until("runs under way", Duration.ofSeconds(30), () -> executed.size() >= 100);

    engine.stop();

    List<JobRun> runs = runsOf("quick");
    assertThat(runs).hasSize(800);
    for (JobRun run : runs) {
      if (executed.contains(run.id())) {
        assertThat(run.status()).as("run %d executed", run.id()).isEqualTo(JobStatus.COMPLETED);
      } else {
        assertThat(run.status())
            .as("run %d not executed", run.id())
            .isIn(JobStatus.PENDING, JobStatus.CANCELLED);
      }
    }
    assertThat(events.events().stream().filter(e -> e instanceof JobEvent.RunFinished))
        .hasSize((int) runs.stream().filter(r -> r.status() != JobStatus.PENDING).count());
  }

  @Test
  void listenersSeeCreatedStartedProgressFinishedInOrder() throws Exception {
    Semaphore itemDone = new Semaphore(0);
    Semaphore goOn = new Semaphore(0);
    TestJob steps =
        TestJob.of(
            "steps.job",
            context -> {
              context.totalItems(3);
              for (int i = 0; i < 3; i++) {
                context.advance(1);
                context.log().info("item {}", i);
                itemDone.release();
                goOn.acquire();
              }
            });
    JobEngine engine = engine(steps);
    JobRun run = engine.service().runJobManually("steps.job");
    engine.tick();
    for (int i = 0; i < 3; i++) {
      assertThat(itemDone.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofSeconds(1));
      engine.tick();
      goOn.release();
    }
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    events.awaitFinished(run.id());

    List<Class<?>> kinds =
        events.eventsOf(run.id()).stream().<Class<?>>map(Object::getClass).toList();
    assertThat(kinds.get(0)).isEqualTo(JobEvent.RunCreated.class);
    assertThat(kinds.get(1)).isEqualTo(JobEvent.RunStarted.class);
    assertThat(kinds.get(kinds.size() - 1)).isEqualTo(JobEvent.RunFinished.class);
    assertThat(kinds.subList(2, kinds.size() - 1))
        .containsExactly(
            JobEvent.RunProgress.class, JobEvent.RunProgress.class, JobEvent.RunProgress.class);
    assertThat(engine.service().getRunLogs(run.id()))
        .extracting(l -> l.message())
        .containsExactly("item 0", "item 1", "item 2");
  }

  @Test
  void syncDatabaseJobsCreatesKeepsAndReports() {
    JobEngine engine =
        engine(
            TestJob.noop("new.job").schedule(Schedule.daily()),
            TestJob.noop("edited.job").schedule(Schedule.weekly()));
    JobSchedule edited =
        engine
            .service()
            .createJobSchedule(JobSchedule.of("edited.job", JobType.SYSTEM, "daily at 05:00"));
    engine
        .repository()
        .createJobSchedule(JobSchedule.of("ghost.job", JobType.SYSTEM, "daily"), START);

    SyncReport report = engine.service().syncDatabaseJobs();

    assertThat(report.created()).containsExactly("new.job");
    assertThat(report.kept()).containsExactly("edited.job");
    assertThat(report.unregistered()).containsExactly("ghost.job");
    assertThat(engine.service().getJobScheduleByName("edited.job")).contains(edited);
    JobSchedule created = engine.service().getJobScheduleByName("new.job").orElseThrow();
    assertThat(created.frequency()).isEqualTo("daily");
    assertThat(created.nextRunTime()).isEqualTo(START);
    assertThat(engine.service().syncDatabaseJobs().created()).isEmpty();
  }

  @Test
  void pausingStopsFiringAndResumingPicksUpFromTheLastRun() {
    JobEngine engine = engine(TestJob.noop("paused.job"));
    engine.service().createJobSchedule(JobSchedule.of("paused.job", JobType.SYSTEM, "every 1h"));
    tickAndWait(engine);

    JobSchedule paused = engine.service().pauseSchedule("paused.job");
    assertThat(paused.enabled()).isFalse();
    assertThat(paused.nextRunTime()).isNull();
    clock.set(START.plus(Duration.ofMinutes(150)));
    tickAndWait(engine);
    assertThat(runsOf("paused.job")).hasSize(1);

    JobSchedule resumed = engine.service().resumeSchedule("paused.job");
    assertThat(resumed.enabled()).isTrue();
    assertThat(resumed.nextRunTime()).isEqualTo(START.plus(Duration.ofHours(1)));
    tickAndWait(engine);
    assertThat(runsOf("paused.job"))
        .extracting(JobRun::scheduledFor)
        .containsExactly(START, START.plus(Duration.ofHours(2)));
  }

  @Test
  void aSchedulesTimeoutAndParametersReachItsRuns() {
    java.util.concurrent.atomic.AtomicReference<String> seen =
        new java.util.concurrent.atomic.AtomicReference<>();
    JobEngine engine = engine(TestJob.of("param.job", context -> seen.set(context.parameters())));
    engine
        .service()
        .createJobSchedule(
            JobSchedule.of("param.job", JobType.SYSTEM, "every 1h")
                .withConfig("{\"clientId\":7}")
                .withPolicies(MisfirePolicy.FIRE_ONCE, null, 10L));
    tickAndWait(engine);

    JobRun run = runsOf("param.job").get(0);
    assertThat(run.timeoutMillis()).isEqualTo(10_000L);
    assertThat(seen.get()).isEqualTo("{\"clientId\":7}");

    engine
        .service()
        .runJobManually(
            io.suasor.jobs.service.ManualRun.of("param.job").withParameters("{\"full\":true}"));
    tickAndWait(engine);
    assertThat(seen.get()).isEqualTo("{\"full\":true}");
  }

  @Test
  void badScheduleInputIsRefusedWithWhatToChange() {
    JobEngine engine = engine(TestJob.noop("valid.job"));
    var service = engine.service();

    assertThatThrownBy(
            () -> service.createJobSchedule(JobSchedule.of("valid.job", JobType.SYSTEM, "evry 5m")))
        .isInstanceOf(io.suasor.jobs.service.InvalidRequestException.class)
        .hasMessageContaining("cannot read schedule 'evry 5m'")
        .hasMessageContaining(Schedule.ACCEPTED_FORMS);
    assertThatThrownBy(
            () ->
                service.createJobSchedule(
                    JobSchedule.of("valid.job", JobType.SYSTEM, "daily")
                        .withFrequency("daily", "Mars/Olympus")))
        .hasMessageContaining("unknown time zone 'Mars/Olympus'");
    assertThatThrownBy(
            () ->
                service.createJobSchedule(
                    JobSchedule.of("valid.job", JobType.SYSTEM, "daily").withConfig("[1,2]")))
        .hasMessageContaining("config must be a JSON object");
    assertThatThrownBy(
            () ->
                service.runJobManually(
                    io.suasor.jobs.service.ManualRun.of("valid.job").withParameters("{oops")))
        .hasMessageContaining("parameters is not valid JSON");
    assertThat(service.getAllJobSchedules()).isEmpty();
  }

  @Test
  void aRunKeepsABoundedNumberOfLogLines() {
    JobEngine engine =
        engine(
            TestJob.of(
                "chatty.job",
                context -> {
                  for (int i = 0; i < 150; i++) {
                    context.log().info("line {}", i);
                  }
                }));
    JobRun run = engine.service().runJobManually("chatty.job");
    tickAndWait(engine);

    var lines = engine.service().getRunLogs(run.id());
    assertThat(lines).hasSize(101);
    assertThat(lines.get(99).message()).isEqualTo("line 99");
    assertThat(lines.get(100).message())
        .isEqualTo("50 more log lines were not kept with the run (limit 100)");
  }

  @Test
  void executeNowRunsOnlyTheRunAskedFor() {
    JobEngine engine = engine(TestJob.noop("asked.job"), TestJob.noop("other.job"));
    engine.service().createJobSchedule(JobSchedule.of("other.job", JobType.SYSTEM, "every 1h"));
    JobRun other = engine.service().runJobManually("other.job");
    JobRun asked = engine.service().runJobManually("asked.job");

    assertThat(engine.executeNow(asked.id())).isPresent();
    assertThat(events.awaitFinished(asked.id()).status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(engine.executeNow(asked.id())).isEmpty();

    assertThat(engine.service().getJobRunById(other.id()).orElseThrow().status())
        .isEqualTo(JobStatus.PENDING);
    assertThat(runsOf("other.job")).hasSize(1);
  }

  @Test
  void aRunClaimedAheadOfTheWorkersTimesOutFromItsRealStartNotItsClaim() throws Exception {
    Semaphore permits = new Semaphore(0);
    JobEngine engine =
        engine(
            TestJob.of(
                "quick",
                context -> {
                  if (context.parameters().contains("hold")) {
                    permits.acquire();
                  }
                }));
    int workers = 4;
    // Its runs are known to be short here, so the node claims them ahead of its workers.
    createRuns(engine, "quick", workers);
    tickAndWait(engine);
    for (int i = 0; i < workers; i++) {
      engine
          .repository()
          .createJobRun(
              NewRun.of("quick", JobType.SYSTEM, Trigger.MANUAL, clock.instant())
                  .withParameters("{\"hold\":true}")
                  .withConcurrencyLimit(NewRun.UNLIMITED),
              clock.instant());
    }
    assertThat(engine.tick()).isEqualTo(workers);
    Await.until(
        "every worker held", Duration.ofSeconds(10), () -> permits.getQueueLength() == workers);
    JobRun waiting =
        engine
            .repository()
            .createJobRun(
                NewRun.of("quick", JobType.SYSTEM, Trigger.MANUAL, clock.instant())
                    .withTimeout(Duration.ofSeconds(5))
                    .withConcurrencyLimit(NewRun.UNLIMITED),
                clock.instant());
    assertThat(engine.tick()).as("claimed ahead").isEqualTo(1);

    // Longer than its timeout after its claim, but it has not begun.
    clock.advance(Duration.ofSeconds(10));
    engine.tick();
    Instant freed = clock.instant();
    permits.release(workers);
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();

    JobRun ended = engine.repository().getJobRunById(waiting.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ended.startTime()).isEqualTo(freed);
  }

  @Test
  void twoNodesWithDifferentJobsEachRunOnlyTheirOwn() {
    JobEngine alpha = node("node-a", TestJob.noop("alpha"));
    JobEngine beta = node("node-b", TestJob.noop("beta"));
    // The other job's runs are due first: a node that claimed any job would take them.
    createRuns(alpha, "beta", 3);
    createRuns(alpha, "alpha", 3);

    tickAndWait(alpha);

    assertCompletedOn("alpha", "node-a");
    assertThat(runsOf("beta")).allSatisfy(r -> assertThat(r.status()).isEqualTo(JobStatus.PENDING));

    tickAndWait(beta);

    assertCompletedOn("beta", "node-b");
    assertThat(events.events().stream().filter(e -> e instanceof JobEvent.RunFinished)).hasSize(6);
  }

  @Test
  void shortRunsAreClaimedAheadOfTheWorkersInBatchesAndOtherRunsAreNot() throws Exception {
    Semaphore permits = new Semaphore(0);
    AtomicInteger ended = new AtomicInteger();
    TestJob held =
        TestJob.of(
                "held",
                context -> {
                  permits.acquire();
                  ended.incrementAndGet();
                })
            .maxConcurrency(NewRun.UNLIMITED);
    TestJob unknown =
        TestJob.of("unknown", context -> permits.acquire()).maxConcurrency(NewRun.UNLIMITED);
    JobEngine engine = engine(held, unknown);
    ClaimRoom room = engine.room();
    int workers = 4;

    // Before a job's runs have ended here the node does not know how long they take: one run per
    // worker.
    createRuns(engine, "held", 20);
    assertThat(engine.tick()).isEqualTo(workers);
    permits.release(1000);
    while (engine.tick() > 0) {
      assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    permits.drainPermits();
    assertThat(room.shortJobs()).containsExactly("held");

    // Once its runs are short, the node holds up to four of them per worker, four running; the
    // others stay pending, held by the node, until a worker takes them.
    createRuns(engine, "held", 40);
    ended.set(0);
    assertThat(engine.tick()).isEqualTo(ClaimRoom.CLAIM_AHEAD * workers);
    Await.until(
        "four runs executing", Duration.ofSeconds(10), () -> permits.getQueueLength() == workers);
    assertThat(runsOf("held").stream().filter(r -> r.status() == JobStatus.RUNNING))
        .hasSize(workers);
    assertThat(
            runsOf("held").stream()
                .filter(r -> r.status() == JobStatus.PENDING && "node-a".equals(r.nodeId())))
        .hasSize((ClaimRoom.CLAIM_AHEAD - 1) * workers);
    assertThat(room.roomAhead()).isZero();

    // A run that ends while others wait in the queue is not worth a claim of its own: the next
    // claim waits for room for a run per worker.
    int floor = ClaimRoom.CLAIM_FLOOR * workers;
    permits.release(floor - 1);
    Await.until("runs ended", Duration.ofSeconds(10), () -> ended.get() == floor - 1);
    Await.until("their room counted", Duration.ofSeconds(10), () -> room.roomAhead() == floor - 1);
    assertThat(room.worthClaiming()).isFalse();
    permits.release(1);
    Await.until("the last run's room", Duration.ofSeconds(10), () -> room.roomAhead() == floor);
    assertThat(room.worthClaiming()).isTrue();
    permits.release(1000);
    while (engine.tick() > 0) {
      assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    permits.drainPermits();

    // Runs of a job that has not run here are not held ahead, however short the others are: they
    // stay pending for a node with a free worker.
    createRuns(engine, "unknown", 10);
    assertThat(engine.tick()).isEqualTo(workers);
    assertThat(runsOf("unknown").stream().filter(r -> r.status() == JobStatus.PENDING))
        .hasSize(10 - workers);
    permits.release(1000);
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
  }

  private void assertCompletedOn(String job, String node) {
    assertThat(runsOf(job))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(JobStatus.COMPLETED);
              assertThat(r.nodeId()).isEqualTo(node);
            });
  }

  private void createRuns(JobEngine engine, String job, int count) {
    for (int i = 0; i < count; i++) {
      engine
          .repository()
          .createJobRun(
              NewRun.of(job, JobType.SYSTEM, Trigger.MANUAL, clock.instant())
                  .withConcurrencyLimit(NewRun.UNLIMITED),
              clock.instant());
    }
  }
}
