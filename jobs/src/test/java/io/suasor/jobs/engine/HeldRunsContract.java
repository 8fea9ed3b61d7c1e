package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.TestJob;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs claimed ahead of a node's free workers: pending and held by the node until a worker takes
 * them, then running; given back when the node stops or dies. Run on each database by its
 * subclasses.
 */
abstract class HeldRunsContract extends EngineNodes {
  private static final int WORKERS = 4;
  private static final Duration DEAD_AFTER = Duration.ofSeconds(30);

  final Semaphore permits = new Semaphore(0);

  /** Lets every blocked run end, so that the nodes stop at once. */
  @AfterEach
  void releaseRuns() {
    permits.release(1000);
  }

  /** Counted down by a "refuse" run's job when it begins, then when it is asked to stop. */
  final CountDownLatch refusedBegan = new CountDownLatch(1);

  final CountDownLatch refusedStopped = new CountDownLatch(1);

  JobEngine node(String nodeId) {
    return node(nodeId, WORKERS);
  }

  /**
   * A node whose "quick" runs block while their parameters say "hold", and wait to be asked to stop
   * while they say "refuse".
   */
  JobEngine node(String nodeId, int workers) {
    TestJob quick =
        TestJob.of(
                "quick",
                context -> {
                  if (context.parameters().contains("hold")) {
                    permits.acquire();
                  }
                  if (context.parameters().contains("refuse")) {
                    refusedBegan.countDown();
                    Await.until("the stop request", Duration.ofSeconds(30), context::isCancelled);
                    refusedStopped.countDown();
                  }
                })
            .maxConcurrency(NewRun.UNLIMITED);
    JobEngine engine =
        JobEngine.builder()
            .sharedDatabase(database)
            .clock(clock)
            .nodeId(nodeId)
            .workerThreads(workers)
            .deadRunThreshold(DEAD_AFTER)
            .shutdownGrace(Duration.ofMillis(200))
            .cancelGrace(Duration.ofMillis(200))
            .listener(events)
            .register(quick)
            .build();
    engines.add(engine);
    return engine;
  }

  /**
   * Makes "quick" known as short on {@code engine}, occupies its workers with held runs, and has it
   * claim {@code count} runs ahead of them; returns those.
   */
  List<JobRun> holdAhead(JobEngine engine, int count) throws InterruptedException {
    create(engine, WORKERS, false);
    engine.tick();
    assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
    create(engine, WORKERS, true);
    assertThat(engine.tick()).isEqualTo(WORKERS);
    Await.until(
        "every worker busy", Duration.ofSeconds(10), () -> permits.getQueueLength() == WORKERS);
    List<JobRun> ahead = create(engine, count, false);
    assertThat(engine.tick()).as("claimed ahead").isEqualTo(count);
    return ahead;
  }

  private List<JobRun> create(JobEngine engine, int count, boolean hold) {
    List<JobRun> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      runs.add(create(engine, hold ? "{\"hold\":true}" : "{}"));
    }
    return runs;
  }

  private JobRun create(JobEngine engine, String parameters) {
    return engine
        .repository()
        .createJobRun(
            NewRun.of("quick", JobType.SYSTEM, Trigger.MANUAL, clock.instant())
                .withParameters(parameters)
                .withConcurrencyLimit(NewRun.UNLIMITED),
            clock.instant());
  }

  /**
   * Starts {@code engine} (one worker), makes "quick" known as short on it, and has it run a
   * blocked run and hold a run with {@code parameters} ahead of it; returns the held run.
   */
  private JobRun startAndHoldOne(JobEngine engine, String parameters) throws InterruptedException {
    JobRun first = create(engine, "{}");
    engine.start();
    events.awaitFinished(first.id());
    JobRun blocked = create(engine, "{\"hold\":true}");
    JobRun held = create(engine, parameters);
    engine.wakeUp();
    events.awaitStarted(blocked.id());
    Await.until(
        "the run held ahead",
        Duration.ofSeconds(10),
        () -> engine.settings().nodeId().equals(read(held).nodeId()));
    assertThat(read(held).status()).isEqualTo(JobStatus.PENDING);
    return held;
  }

  private JobRun read(JobRun run) {
    return engines.get(0).repository().getJobRunById(run.id()).orElseThrow();
  }

  private long startsOf(JobRun run) {
    return events.eventsOf(run.id()).stream().filter(e -> e instanceof JobEvent.RunStarted).count();
  }

  /** Each run completed on {@code node} as its first attempt, started once. */
  private void assertRanOnceOn(List<JobRun> runs, String node) {
    for (JobRun run : runs) {
      JobRun ended = read(run);
      assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(ended.nodeId()).isEqualTo(node);
      assertThat(ended.attempt()).isEqualTo(1);
      assertThat(ended.startTime()).isNotNull();
      assertThat(startsOf(run)).isEqualTo(1);
    }
  }

  @Test
  void aRunClaimedAheadIsPendingAndHeldByItsNodeUntilAWorkerStartsIt() throws InterruptedException {
    JobEngine alpha = node("node-a");
    JobEngine beta = node("node-b");
    List<JobRun> ahead = holdAhead(alpha, 3);

    for (JobRun run : ahead) {
      JobRun held = read(run);
      assertThat(held.status()).isEqualTo(JobStatus.PENDING);
      assertThat(held.nodeId()).isEqualTo("node-a");
      assertThat(held.startTime()).isNull();
      assertThat(startsOf(run)).isZero();
    }
    assertThat(alpha.repository().nextDueTimes().runs()).as("nothing left to claim").isNull();
    assertThat(beta.tick()).as("another node cannot claim them").isZero();

    permits.release(WORKERS);
    assertThat(alpha.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertRanOnceOn(ahead, "node-a");
  }

  @Test
  void aHeldRunCancelledBeforeItStartsEndsCancelledAndItsWorkerSkipsIt()
      throws InterruptedException {
    JobEngine alpha = node("node-a");
    List<JobRun> ahead = holdAhead(alpha, 2);

    assertThat(alpha.service().cancelRun(ahead.get(0).id())).isEqualTo(CancelOutcome.CANCELLED);
    permits.release(WORKERS);
    assertThat(alpha.awaitIdle(Duration.ofSeconds(30))).isTrue();

    JobRun cancelled = read(ahead.get(0));
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.startTime()).isNull();
    assertThat(startsOf(ahead.get(0))).isZero();
    assertThat(read(ahead.get(1)).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void theRunsADeadNodeHeldAreGivenBackAndRunElsewhereAsFirstAttempts()
      throws InterruptedException {
    JobEngine alpha = node("node-a");
    JobEngine beta = node("node-b");
    List<JobRun> ahead = holdAhead(alpha, WORKERS);

    // node-a falls silent: node-b reaps its running runs and gives back the ones it held.
    clock.advance(DEAD_AFTER.plusSeconds(1));
    assertThat(beta.tick()).isEqualTo(WORKERS);
    assertThat(beta.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertRanOnceOn(ahead, "node-b");

    // node-a's workers come back, find the runs gone from it, and run none of them again.
    permits.release(WORKERS);
    assertThat(alpha.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertRanOnceOn(ahead, "node-b");
  }

  @Test
  void aStoppingNodeGivesBackTheRunsItHeldForItsWorkers() throws InterruptedException {
    JobEngine alpha = node("node-a");
    List<JobRun> ahead = holdAhead(alpha, 3);

    alpha.stop();

    for (JobRun run : ahead) {
      JobRun given = read(run);
      assertThat(given.status()).isEqualTo(JobStatus.PENDING);
      assertThat(given.nodeId()).isNull();
      assertThat(given.startTime()).isNull();
      assertThat(startsOf(run)).isZero();
    }
    JobEngine beta = node("node-b");
    assertThat(beta.tick()).isEqualTo(3);
    assertThat(beta.awaitIdle(Duration.ofSeconds(30))).isTrue();
    assertRanOnceOn(ahead, "node-b");
  }

  @Test
  void aWorkerStartsAHeldRunAtItsRealStartWithoutWaitingForTheDatabase()
      throws InterruptedException {
    JobEngine alpha = node("node-a", 1);
    JobRun held = startAndHoldOne(alpha, "{\"hold\":true}");
    assertThat(startsOf(held)).isZero();

    clock.advance(Duration.ofSeconds(5));
    Instant taken = clock.instant();
    permits.release();
    JobEvent.RunStarted started =
        (JobEvent.RunStarted)
            events.await(
                e -> e instanceof JobEvent.RunStarted && e.runId() == held.id(),
                Duration.ofSeconds(30));

    // Announced once written: the event and the database agree that it runs since it was taken.
    assertThat(started.run().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(started.run().startTime()).isEqualTo(taken);
    JobRun running = read(held);
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.startTime()).isEqualTo(taken);
    assertThat(running.nodeId()).isEqualTo("node-a");

    permits.release();
    JobRun ended = events.awaitFinished(held.id());
    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ended.startTime()).isEqualTo(taken);
    assertRanOnceOn(List.of(held), "node-a");
  }

  @Test
  void aHeldRunWhoseStartIsRefusedIsStoppedAndNothingOfItIsWritten() throws Exception {
    JobEngine alpha = node("node-a", 1);
    JobRun held = startAndHoldOne(alpha, "{\"refuse\":true}");

    // Another process cancels the run (without telling the node) after the worker took it and
    // before its start is written: the writer's statement waits for this transaction.
    database.inTransaction(
        "cancel the held run elsewhere",
        c -> {
          try (PreparedStatement cancel =
              c.prepareStatement(
                  "UPDATE job_runs SET status = 'cancelled', end_time = ?, updated_at = ?,"
                      + " error_message = 'cancelled elsewhere' WHERE id = ? AND status = 'pending'")) {
            cancel.setLong(1, clock.millis());
            cancel.setLong(2, clock.millis());
            cancel.setLong(3, held.id());
            assertThat(cancel.executeUpdate()).isEqualTo(1);
          }
          permits.release();
          try {
            assertThat(refusedBegan.await(30, TimeUnit.SECONDS)).as("the job began").isTrue();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          return null;
        });

    assertThat(refusedStopped.await(30, TimeUnit.SECONDS)).as("the job was stopped").isTrue();
    assertThat(alpha.awaitIdle(Duration.ofSeconds(30))).isTrue();
    JobRun after = read(held);
    assertThat(after.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(after.errorMessage()).isEqualTo("cancelled elsewhere");
    assertThat(after.startTime()).isNull();
    assertThat(events.eventsOf(held.id())).as("no start or end announced").isEmpty();
  }
}
