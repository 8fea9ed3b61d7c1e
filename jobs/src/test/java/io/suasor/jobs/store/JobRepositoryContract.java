package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.model.InvalidTransitionException;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.testing.Claims;
import io.suasor.jobs.testing.TestRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JobRepository} must have, run once per database by its subclasses.
 * Each test gets a fresh, migrated database.
 */
abstract class JobRepositoryContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** Runs of chains as the engine makes them, without its registry's timeouts and limits. */
  static final Followers CHAINS =
      (finished, schedule) ->
          java.util.Optional.of(
              NewRun.of(schedule.jobName(), schedule.jobType(), Trigger.AFTER, finished.endTime())
                  .withScheduleId(schedule.id())
                  .withAfterRun(finished.id())
                  .withUserId(schedule.userId())
                  .withParameters("{\"after\":{\"runId\":" + finished.id() + "}}"));

  java.util.Optional<Finished> finish(Completion completion) {
    return repo.finishRun(completion, CHAINS);
  }

  JobSchedule schedule(String name) {
    return repo.createJobSchedule(
        JobSchedule.of(name, JobType.SYSTEM, "daily").withNextRunTime(T0), T0);
  }

  JobRun pending(String jobName) {
    return repo.createJobRun(NewRun.of(jobName, JobType.SYSTEM, Trigger.MANUAL, T0), T0);
  }

  /** A due run of a job without a concurrency limit. */
  JobRun unlimited(String jobName) {
    return repo.createJobRun(
        NewRun.of(jobName, JobType.SYSTEM, Trigger.MANUAL, T0)
            .withConcurrencyLimit(NewRun.UNLIMITED),
        T0);
  }

  JobRun running(String jobName, String node) {
    JobRun run = pending(jobName);
    List<JobRun> claimed = Claims.ofAnyJob(repo, node, T0, 100);
    assertThat(claimed).extracting(JobRun::id).contains(run.id());
    return repo.getJobRunById(run.id()).orElseThrow();
  }

  static <T> List<T> race(int threads, Callable<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          results.add(future.get(60, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException e) {
          results.add(null);
          if (!(e.getCause() instanceof DuplicateException)) {
            throw e;
          }
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  // Schedules
  @Test
  void createsAndReadsBackEveryField() {
    JobSchedule created =
        repo.createJobSchedule(
            JobSchedule.of("system.media.sync", JobType.SYNC, "every 15m")
                .withUserId(7L)
                .withConfig("{\"syncType\":\"full\"}")
                .withNextRunTime(T0.plusSeconds(60))
                .withPolicies(io.suasor.jobs.model.MisfirePolicy.SKIP, 3, 600L),
            T0);

    assertThat(created.id()).isPositive();
    assertThat(created.createdAt()).isEqualTo(T0);
    assertThat(created.version()).isZero();
    assertThat(repo.getJobSchedule("system.media.sync")).contains(created);
    assertThat(created.userId()).isEqualTo(7L);
    assertThat(created.config()).isEqualTo("{\"syncType\":\"full\"}");
    assertThat(created.misfirePolicy()).isEqualTo(io.suasor.jobs.model.MisfirePolicy.SKIP);
    assertThat(created.maxAttempts()).isEqualTo(3);
    assertThat(created.timeoutSeconds()).isEqualTo(600L);
    assertThat(created.nextRunTime()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void listsAll() {
    schedule("b.job");
    schedule("a.job");
    repo.createJobSchedule(
        JobSchedule.of("user.job", JobType.RECOMMENDATION, "weekly").withUserId(42L), T0);

    assertThat(repo.getAllJobSchedules())
        .extracting(JobSchedule::name)
        .containsExactly("a.job", "b.job", "user.job");
    assertThat(repo.getJobSchedule("missing")).isEmpty();
  }

  @Test
  void refusesADuplicateNameAndKeepsTheFirst() {
    JobSchedule first = schedule("dup");
    assertThatThrownBy(() -> schedule("dup")).isInstanceOf(DuplicateException.class);
    assertThat(repo.getAllJobSchedules()).containsExactly(first);
  }

  @Test
  void updatesWithVersionCheck() {
    JobSchedule created = schedule("edit.me");
    JobSchedule edited =
        repo.updateJobSchedule(
            created.withFrequency("weekly", "Europe/Berlin").withEnabled(false), T0.plusSeconds(5));

    assertThat(edited.frequency()).isEqualTo("weekly");
    assertThat(edited.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(edited.enabled()).isFalse();
    assertThat(edited.version()).isEqualTo(1);
    assertThat(edited.updatedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(edited.createdAt()).isEqualTo(T0);

    assertThatThrownBy(() -> repo.updateJobSchedule(created.withEnabled(true), T0))
        .isInstanceOf(StaleScheduleException.class)
        .hasMessageContaining("edit.me");
    assertThat(repo.getJobSchedule("edit.me")).contains(edited);
  }

  @Test
  void updatingAMissingScheduleSaysSo() {
    JobSchedule ghost = JobSchedule.of("ghost", JobType.SYSTEM, "daily");
    assertThatThrownBy(() -> repo.updateJobSchedule(ghost, T0))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no schedule named 'ghost'");
  }

  @Test
  void deletes() {
    schedule("s");

    assertThat(repo.deleteJobSchedule("s")).isTrue();
    assertThat(repo.deleteJobSchedule("s")).isFalse();
    assertThat(repo.getJobSchedule("s")).isEmpty();
  }

  @Test
  void deletingAScheduleKeepsItsRunHistory() {
    JobSchedule s = schedule("s");
    JobRun run =
        repo.createJobRun(
            NewRun.of("s", JobType.SYSTEM, Trigger.SCHEDULE, T0).withFire(s.id(), T0), T0);
    repo.deleteJobSchedule("s");
    assertThat(repo.getJobRunById(run.id()).orElseThrow().scheduleId()).isNull();
  }

  @Test
  void findsDueSchedulesOnlyWhenEnabled() {
    schedule("due");
    repo.createJobSchedule(
        JobSchedule.of("later", JobType.SYSTEM, "daily").withNextRunTime(T0.plusSeconds(1)), T0);
    repo.createJobSchedule(
        JobSchedule.of("off", JobType.SYSTEM, "daily").withNextRunTime(T0).withEnabled(false), T0);

    assertThat(repo.findDueSchedules(T0, 10)).extracting(JobSchedule::name).containsExactly("due");
    assertThat(repo.nextDueTimes()).isEqualTo(new DueTimes(T0, null));
  }

  // Runs
  @Test
  void createsAPendingRunWithDefaults() {
    JobRun run =
        repo.createJobRun(
            NewRun.of("j", JobType.SYNC, Trigger.MANUAL, T0.plusSeconds(5))
                .withUserId(3L)
                .withParameters("{\"clientId\":1}")
                .withTimeout(Duration.ofMinutes(5)),
            T0);

    assertThat(run.status()).isEqualTo(JobStatus.PENDING);
    assertThat(run.jobType()).isEqualTo(JobType.SYNC);
    assertThat(run.userId()).isEqualTo(3L);
    assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
    assertThat(run.attempt()).isEqualTo(1);
    assertThat(run.metadata()).isEqualTo("{}");
    assertThat(run.parameters()).isEqualTo("{\"clientId\":1}");
    assertThat(run.timeoutMillis()).isEqualTo(300_000L);
    assertThat(run.runAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(run.createdAt()).isEqualTo(T0);
    assertThat(run.startTime()).isNull();
    assertThat(repo.getJobRunById(run.id())).contains(run);
    assertThat(repo.getJobRunById(run.id() + 1000)).isEmpty();
  }

  @Test
  void listsRecentByUserAndActive() {
    JobRun a = pending("a");
    JobRun b =
        repo.createJobRun(NewRun.of("b", JobType.USER, Trigger.MANUAL, T0).withUserId(9L), T0);
    JobRun c =
        TestRuns.ended(
            repo, NewRun.of("c", JobType.SYSTEM, Trigger.MANUAL, T0), JobStatus.COMPLETED, T0);

    assertThat(repo.getRecentJobRuns(2)).extracting(JobRun::id).containsExactly(c.id(), b.id());
    assertThat(repo.getJobRunsByUser(9L, 10)).extracting(JobRun::id).containsExactly(b.id());
    assertThat(repo.getActiveJobRuns()).extracting(JobRun::id).containsExactly(a.id(), b.id());
  }

  @Test
  void anEndedRunIsEndedOnceAndOnlyToATerminalStatus() {
    JobRun run = running("j", "node-a");

    JobRun failed =
        finish(Completion.of(run.id(), "j", "node-a", JobStatus.FAILED, "boom", T0.plusSeconds(2)))
            .orElseThrow()
            .run();
    assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
    assertThat(failed.errorMessage()).isEqualTo("boom");
    assertThat(failed.endTime()).isEqualTo(T0.plusSeconds(2));

    assertThat(finish(Completion.of(run.id(), "j", "node-a", JobStatus.COMPLETED, null, T0)))
        .isEmpty();
    assertThatThrownBy(() -> Completion.of(run.id(), "j", "node-a", JobStatus.RUNNING, null, T0))
        .isInstanceOf(InvalidTransitionException.class);
    assertThat(repo.getJobRunById(run.id())).contains(failed);
  }

  @Test
  void aFireInstantHasExactlyOneRun() {
    JobSchedule s = schedule("s");
    NewRun fire = NewRun.of("s", JobType.SYSTEM, Trigger.SCHEDULE, T0).withFire(s.id(), T0);
    repo.createJobRun(fire, T0);
    assertThatThrownBy(() -> repo.createJobRun(fire, T0)).isInstanceOf(DuplicateException.class);
    repo.createJobRun(fire.withFire(s.id(), T0.plusSeconds(60)), T0);
    assertThat(repo.getRecentJobRuns(10)).hasSize(2);
  }

  @Test
  void eightThreadsInsertingOneFireInstantMakeOneRun() throws Exception {
    JobSchedule s = schedule("s");
    NewRun fire = NewRun.of("s", JobType.SYSTEM, Trigger.SCHEDULE, T0).withFire(s.id(), T0);

    List<JobRun> results = race(8, () -> repo.createJobRun(fire, T0));

    assertThat(results.stream().filter(r -> r != null)).hasSize(1);
    assertThat(repo.getRecentJobRuns(10)).hasSize(1);
  }

  @Test
  void eightThreadsFiringOneScheduleMakeOneRun() throws Exception {
    JobSchedule s = schedule("s");
    Fire fire =
        new Fire(
            s.id(),
            T0,
            T0.plus(Duration.ofDays(1)),
            T0,
            List.of(NewRun.of("s", JobType.SYSTEM, Trigger.SCHEDULE, T0).withFire(s.id(), T0)),
            T0);

    List<List<JobRun>> results = race(8, () -> repo.fireSchedule(fire));

    assertThat(results.stream().mapToInt(List::size).sum()).isEqualTo(1);
    assertThat(repo.getRecentJobRuns(10)).hasSize(1);
    JobSchedule after = repo.getJobSchedule("s").orElseThrow();
    assertThat(after.nextRunTime()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(after.lastRunTime()).isEqualTo(T0);
    assertThat(repo.findDueSchedules(T0, 10)).isEmpty();
  }

  @Test
  void firingADisabledScheduleDoesNothing() {
    JobSchedule s = schedule("s");
    repo.updateJobSchedule(s.withEnabled(false), T0);
    Fire fire =
        new Fire(
            s.id(),
            T0,
            T0.plusSeconds(60),
            T0,
            List.of(NewRun.of("s", JobType.SYSTEM, Trigger.SCHEDULE, T0).withFire(s.id(), T0)),
            T0);
    assertThat(repo.fireSchedule(fire)).isEmpty();
    assertThat(repo.getRecentJobRuns(10)).isEmpty();
  }

  @Test
  void createRunIfIdleRefusesABusyJob() {
    NewRun manual = NewRun.of("busy", JobType.SYSTEM, Trigger.MANUAL, T0);
    JobRun first = repo.createRunIfIdle(manual, T0).orElseThrow();
    assertThat(repo.createRunIfIdle(manual, T0)).isEmpty();
    assertThat(repo.createRunIfIdle(manual.withUserId(5L), T0)).isPresent();
    assertThat(repo.createRunIfIdle(manual.withConcurrencyLimit(NewRun.UNLIMITED), T0)).isPresent();

    repo.requestCancel(first.id(), T0);
    assertThat(repo.createRunIfIdle(manual, T0)).isPresent();
  }

  @Test
  void concurrentIdleChecksLetOneThrough() throws Exception {
    NewRun manual = NewRun.of("busy", JobType.SYSTEM, Trigger.MANUAL, T0);
    List<Boolean> created = race(8, () -> repo.createRunIfIdle(manual, T0).isPresent());
    assertThat(created).containsOnlyOnce(true);
  }

  // Progress
  @Test
  void specificationProgressMethodsWriteARunningRun() {
    JobRun run = running("j", "node-a");
    repo.setJobTotalItems(run.id(), 200, T0);
    repo.incrementJobProcessedItems(run.id(), 50, T0);
    repo.updateJobProgress(run.id(), 30, "scanning", T0.plusSeconds(1));

    JobRun read = repo.getJobRunById(run.id()).orElseThrow();
    assertThat(read.totalItems()).isEqualTo(200);
    assertThat(read.processedItems()).isEqualTo(50);
    assertThat(read.progress()).isEqualTo(30);
    assertThat(read.statusMessage()).isEqualTo("scanning");

    repo.incrementJobProcessedItems(run.id(), 10, T0);
    assertThat(repo.getJobRunById(run.id()).orElseThrow().progress()).isEqualTo(30);
    repo.incrementJobProcessedItems(run.id(), 500, T0);
    assertThat(repo.getJobRunById(run.id()).orElseThrow().progress()).isEqualTo(100);
    assertThatThrownBy(() -> repo.updateJobProgress(run.id(), 101, null, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eightThreadsIncrementingLoseNoUpdate() throws Exception {
    JobRun run = running("j", "node-a");
    repo.setJobTotalItems(run.id(), 1600, T0);
    race(
        8,
        () -> {
          for (int i = 0; i < 100; i++) {
            repo.incrementJobProcessedItems(run.id(), 1, T0);
          }
          return null;
        });
    JobRun read = repo.getJobRunById(run.id()).orElseThrow();
    assertThat(read.processedItems()).isEqualTo(800);
    assertThat(read.progress()).isEqualTo(50);
  }

  @Test
  void flushIsFencedByOwnerAndReturnsTheCancelFlag() {
    JobRun run = running("j", "node-a");
    ProgressSnapshot p = new ProgressSnapshot(40, 10, 4, "four", "{\"seen\":4}");

    assertThat(repo.flushProgress(run.id(), "node-b", p, T0)).isEmpty();
    assertThat(repo.flushProgress(run.id(), "node-a", p, T0.plusSeconds(3))).contains(false);
    repo.requestCancel(run.id(), T0);
    assertThat(repo.flushProgress(run.id(), "node-a", p, T0)).contains(true);

    JobRun read = repo.getJobRunById(run.id()).orElseThrow();
    assertThat(read.progress()).isEqualTo(40);
    assertThat(read.metadata()).isEqualTo("{\"seen\":4}");
    assertThat(read.heartbeatAt()).isEqualTo(T0);
  }

  // Claims
  @Test
  void claimsOnlyDueRunsAndStampsTheNode() {
    JobRun due = pending("due");
    repo.createJobRun(NewRun.of("later", JobType.SYSTEM, Trigger.MANUAL, T0.plusSeconds(10)), T0);

    List<JobRun> claimed = Claims.ofAnyJob(repo, "node-a", T0, 10);

    assertThat(claimed).extracting(JobRun::id).containsExactly(due.id());
    JobRun run = claimed.get(0);
    assertThat(run.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(run.nodeId()).isEqualTo("node-a");
    assertThat(run.startTime()).isEqualTo(T0);
    assertThat(run.heartbeatAt()).isEqualTo(T0);
    assertThat(Claims.ofAnyJob(repo, "node-a", T0, 10)).isEmpty();
    assertThat(repo.nextDueTimes().runs()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void claimsOfNamedJobsTakeOnlyTheirRunsInOrder() {
    java.util.function.Function<String, JobRun> unlimited =
        job ->
            repo.createJobRun(
                NewRun.of(job, JobType.SYSTEM, Trigger.MANUAL, T0)
                    .withConcurrencyLimit(NewRun.UNLIMITED),
                T0);
    JobRun a1 = unlimited.apply("a");
    JobRun b1 = unlimited.apply("b");
    JobRun c1 = unlimited.apply("c");
    JobRun a2 = unlimited.apply("a");

    Claim claim = Claim.of("n", T0, 10, List.of("a", "b", "c"));

    assertThat(repo.claimDueRuns(claim.aheadOnly(List.of()))).isEmpty();
    assertThat(repo.claimDueRuns(claim.aheadOnly(List.of("a", "c"))))
        .extracting(JobRun::id)
        .containsExactly(a1.id(), c1.id(), a2.id());
    assertThat(repo.claimDueRuns(claim)).extracting(JobRun::id).containsExactly(b1.id());
  }

  @Test
  void aClaimAheadHoldsRunsPendingUntilTheirNodeStartsThemOrGivesThemBack() {
    JobRun solo = pending("solo");
    JobRun free = unlimited("free");
    List<String> jobs = List.of("solo", "free");
    Claim ahead = Claim.of("node-a", T0, 10, jobs).aheadOnly(jobs);

    assertThat(repo.claimDueRuns(ahead))
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(JobStatus.PENDING);
              assertThat(r.nodeId()).isEqualTo("node-a");
              assertThat(r.heartbeatAt()).isEqualTo(T0);
              assertThat(r.startTime()).isNull();
            })
        .extracting(JobRun::id)
        .containsExactly(solo.id(), free.id());
    // A run of the exclusive job due before the held one still waits for it.
    JobRun earlier =
        repo.createJobRun(
            NewRun.of("solo", JobType.SYSTEM, Trigger.MANUAL, T0.minusSeconds(1)), T0);
    assertThat(repo.claimDueRuns(Claim.of("node-b", T0, 10, jobs))).isEmpty();
    assertThat(repo.claimRun(free.id(), "node-b", T0)).isEmpty();
    assertThat(repo.nextDueTimes().runs()).isEqualTo(earlier.runAt());

    Instant started = T0.plusSeconds(1);
    assertThat(repo.startHeldRuns(List.of(solo.id()), "node-b", started)).isEmpty();
    assertThat(repo.startHeldRuns(List.of(solo.id(), earlier.id()), "node-a", started))
        .extracting(JobRun::id)
        .containsExactly(solo.id());
    assertThat(repo.startHeldRuns(List.of(solo.id()), "node-a", started)).isEmpty();
    JobRun running = repo.getJobRunById(solo.id()).orElseThrow();
    assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(running.startTime()).isEqualTo(started);
    assertThat(running.attempt()).isEqualTo(1);

    // Held runs stamped by their node stay held; stale ones are found with the dead runs, to give
    // back. A stamp answers which runs the node still holds.
    assertThat(repo.stampHeldRuns("node-a", List.of(free.id(), solo.id()), T0.plusSeconds(5)))
        .containsExactly(free.id());
    assertThat(repo.findDeadRuns(T0.plusSeconds(5), 10))
        .extracting(JobRun::id)
        .containsExactly(solo.id());
    assertThat(repo.findDeadRuns(T0.plusSeconds(6), 10))
        .extracting(JobRun::id, JobRun::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(solo.id(), JobStatus.RUNNING),
            org.assertj.core.groups.Tuple.tuple(free.id(), JobStatus.PENDING));
    assertThat(repo.releaseHeldRuns("node-a", List.of(free.id()), T0.plusSeconds(6))).isEqualTo(1);
    JobRun given = repo.getJobRunById(free.id()).orElseThrow();
    assertThat(given.status()).isEqualTo(JobStatus.PENDING);
    assertThat(given.nodeId()).isNull();
    assertThat(given.heartbeatAt()).isNull();

    Claim again = Claim.of("node-b", T0, 10, List.of("free")).aheadOnly(List.of("free"));
    assertThat(repo.claimDueRuns(again)).extracting(JobRun::id).containsExactly(free.id());
    assertThat(repo.releaseHeldRuns("node-a", List.of(free.id()), T0)).isZero();
    assertThat(repo.releaseHeldRuns("node-b", List.of(free.id()), T0)).isEqualTo(1);
    assertThat(repo.claimDueRuns(again)).extracting(JobRun::id).containsExactly(free.id());
    assertThat(repo.requestCancel(free.id(), T0)).isEqualTo(CancelOutcome.CANCELLED);
    assertThat(repo.startHeldRuns(List.of(free.id()), "node-b", T0)).isEmpty();
  }

  @Test
  void aHeldRunStartedAndEndedInOneWriteIsOneRowAndAStartOfARunNotHeldIsRefused() {
    JobRun plain = running("plain", "node-a");
    JobRun short1 = unlimited("short");
    JobRun short2 = unlimited("short");
    Claim ahead = Claim.of("node-a", T0, 10, List.of("short")).aheadOnly(List.of("short"));
    assertThat(repo.claimDueRuns(ahead)).hasSize(2);
    Instant began = T0.plusSeconds(3);
    Instant ended = T0.plusSeconds(4);

    Recorded first =
        repo.recordRuns(
            List.of(
                new HeldStart(short1.id(), "node-a", began),
                new HeldStart(short2.id(), "node-b", began)),
            List.of(
                new Completion(
                    short1.id(),
                    "short",
                    "node-a",
                    JobStatus.COMPLETED,
                    null,
                    ProgressSnapshot.NONE,
                    null,
                    ended,
                    began),
                Completion.of(plain.id(), "plain", "node-a", JobStatus.COMPLETED, null, ended)),
            CHAINS);

    assertThat(first.started()).as("short2 is not node-b's").isEmpty();
    assertThat(first.ended().keySet()).containsExactlyInAnyOrder(short1.id(), plain.id());
    JobRun one = first.ended().get(short1.id()).run();
    assertThat(one.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(one.startTime()).isEqualTo(began);
    assertThat(one.endTime()).isEqualTo(ended);
    assertThat(repo.getJobRunById(short2.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);

    Recorded second =
        repo.recordRuns(List.of(new HeldStart(short2.id(), "node-a", ended)), List.of(), CHAINS);
    assertThat(second.ended()).isEmpty();
    JobRun two = second.started().get(short2.id());
    assertThat(two.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(two.startTime()).isEqualTo(ended);
    assertThat(two.endTime()).isNull();
    assertThat(two.updatedAt()).isEqualTo(ended);
    // Its end is fenced on it running now; a second start finds nothing held.
    assertThat(
            repo.recordRuns(List.of(new HeldStart(short2.id(), "node-a", ended)), List.of(), CHAINS)
                .started())
        .isEmpty();
  }

  @Test
  void aNodeClaimsOnlyTheRunsOfTheJobsItRegisteredHoweverManyOthersAreDueFirst() {
    List<Long> others = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      others.add(pending("other-" + i).id());
    }
    JobRun mine = pending("mine");

    assertThat(repo.claimDueRuns(Claim.of("n", T0, 2, List.of()))).isEmpty();
    assertThat(repo.claimDueRuns(Claim.of("n", T0, 2, List.of("mine", "unknown"))))
        .extracting(JobRun::id)
        .containsExactly(mine.id());
    assertThat(others)
        .allSatisfy(
            id ->
                assertThat(repo.getJobRunById(id).orElseThrow().status())
                    .isEqualTo(JobStatus.PENDING));
  }

  @Test
  void respectsTheLimitAndOrder() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(pending("job-" + i).id());
    }
    assertThat(Claims.ofAnyJob(repo, "n", T0, 3))
        .extracting(JobRun::id)
        .containsExactlyElementsOf(ids.subList(0, 3));
    assertThat(Claims.ofAnyJob(repo, "n", T0, 3))
        .extracting(JobRun::id)
        .containsExactlyElementsOf(ids.subList(3, 5));
  }

  @Test
  void anExclusiveJobIsNotClaimedTwiceAtOnce() {
    JobRun first = pending("exclusive");
    JobRun second = pending("exclusive");
    JobRun other =
        repo.createJobRun(
            NewRun.of("parallel", JobType.SYSTEM, Trigger.MANUAL, T0)
                .withConcurrencyLimit(NewRun.UNLIMITED),
            T0);
    JobRun other2 =
        repo.createJobRun(
            NewRun.of("parallel", JobType.SYSTEM, Trigger.MANUAL, T0)
                .withConcurrencyLimit(NewRun.UNLIMITED),
            T0);

    assertThat(Claims.ofAnyJob(repo, "n", T0, 10))
        .extracting(JobRun::id)
        .containsExactly(first.id(), other.id(), other2.id());
    assertThat(Claims.ofAnyJob(repo, "n", T0, 10)).isEmpty();

    finish(
        new Completion(
            first.id(),
            first.jobName(),
            "n",
            JobStatus.COMPLETED,
            null,
            ProgressSnapshot.NONE,
            null,
            T0));
    assertThat(Claims.ofAnyJob(repo, "n", T0, 10))
        .extracting(JobRun::id)
        .containsExactly(second.id());
  }

  @Test
  void aLimitOfTwoRunsTwo() {
    for (int i = 0; i < 3; i++) {
      repo.createJobRun(
          NewRun.of("two", JobType.SYSTEM, Trigger.MANUAL, T0).withConcurrencyLimit(2), T0);
    }
    assertThat(Claims.ofAnyJob(repo, "n", T0, 10)).hasSize(2);
    assertThat(Claims.ofAnyJob(repo, "n", T0, 10)).isEmpty();
  }

  @Test
  void concurrentClaimersClaimEachRunExactlyOnce() throws Exception {
    int runs = 200;
    for (int i = 0; i < runs; i++) {
      repo.createJobRun(NewRun.of("job-" + i, JobType.SYSTEM, Trigger.MANUAL, T0), T0);
    }
    List<List<Long>> claims =
        race(
            6,
            () -> {
              List<Long> mine = new ArrayList<>();
              String node = "node-" + Thread.currentThread().getId();
              List<JobRun> batch;
              do {
                batch = Claims.ofAnyJob(repo, node, T0, 7);
                batch.forEach(r -> mine.add(r.id()));
              } while (!batch.isEmpty());
              return mine;
            });

    Set<Long> distinct = new HashSet<>();
    int total = 0;
    for (List<Long> claim : claims) {
      distinct.addAll(claim);
      total += claim.size();
    }
    assertThat(total).isEqualTo(runs);
    assertThat(distinct).hasSize(runs);
  }

  @Test
  void heartbeatStampsTheNodesRunsAndReportsCancelFlags() {
    JobRun a = running("a", "node-a");
    JobRun b = running("b", "node-b");
    repo.requestCancel(a.id(), T0);

    List<RunningRun> beat = repo.heartbeat("node-a", T0.plusSeconds(5));

    assertThat(beat).containsExactly(new RunningRun(a.id(), true));
    assertThat(repo.getJobRunById(a.id()).orElseThrow().heartbeatAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(repo.getJobRunById(b.id()).orElseThrow().heartbeatAt()).isEqualTo(T0);
  }

  // Completions
  @Test
  void theOwnerFinishesItsRun() {
    JobRun run = running("j", "node-a");
    ProgressSnapshot p = new ProgressSnapshot(100, 3, 3, "done", "{\"moviesUpdated\":3}");

    assertThat(
            finish(
                new Completion(
                    run.id(),
                    run.jobName(),
                    "node-a",
                    JobStatus.COMPLETED,
                    null,
                    p,
                    null,
                    T0.plusSeconds(9))))
        .isPresent();

    JobRun done = repo.getJobRunById(run.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(done.endTime()).isEqualTo(T0.plusSeconds(9));
    assertThat(done.metadata()).isEqualTo("{\"moviesUpdated\":3}");
    assertThat(done.errorMessage()).isNull();
    assertThat(done.processedItems()).isEqualTo(3);
  }

  @Test
  void aFailureAndItsRetryAreWrittenTogether() {
    JobRun run = running("flaky", "node-a");
    NewRun retry =
        NewRun.of("flaky", JobType.SYSTEM, Trigger.RETRY, T0.plusSeconds(30))
            .withRetryOf(run.id(), 2);

    Finished finished =
        finish(
                new Completion(
                    run.id(),
                    run.jobName(),
                    "node-a",
                    JobStatus.FAILED,
                    "boom",
                    ProgressSnapshot.NONE,
                    retry,
                    T0))
            .orElseThrow();

    assertThat(finished.run().status()).isEqualTo(JobStatus.FAILED);
    JobRun planned = finished.retry().orElseThrow();
    assertThat(planned.status()).isEqualTo(JobStatus.PENDING);
    assertThat(planned.trigger()).isEqualTo(Trigger.RETRY);
    assertThat(planned.attempt()).isEqualTo(2);
    assertThat(planned.retryOf()).isEqualTo(run.id());
    assertThat(planned.runAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(Claims.ofAnyJob(repo, "node-a", T0.plusSeconds(29), 10)).isEmpty();
    assertThat(Claims.ofAnyJob(repo, "node-a", T0.plusSeconds(30), 10))
        .extracting(JobRun::id)
        .containsExactly(planned.id());
  }

  @Test
  void manyRunsEndInOneFencedBatch() {
    JobRun a1 = running("a1", "node-a");
    JobRun a2 = running("a2", "node-a");
    JobRun b1 = running("b1", "node-b");
    JobRun ended = running("ended", "node-a");
    finish(Completion.of(ended.id(), ended.jobName(), "node-a", JobStatus.COMPLETED, null, T0));
    ProgressSnapshot done = new ProgressSnapshot(100, 2, 2, "done", "{\"items\":2}");
    List<Completion> batch = new ArrayList<>();
    for (JobRun run : List.of(a1, a2, b1, ended)) {
      batch.add(
          new Completion(
              run.id(),
              run.jobName(),
              "node-a",
              run == a2 ? JobStatus.FAILED : JobStatus.COMPLETED,
              run == a2 ? "broke" : null,
              done,
              null,
              T0.plusSeconds(7)));
    }

    java.util.Map<Long, Finished> finished = repo.finishRuns(batch, CHAINS);

    assertThat(finished.keySet()).containsExactlyInAnyOrder(a1.id(), a2.id());
    assertThat(finished.get(a1.id()).run().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(finished.get(a1.id()).run().metadata()).isEqualTo("{\"items\":2}");
    assertThat(finished.get(a1.id()).run().endTime()).isEqualTo(T0.plusSeconds(7));
    assertThat(finished.get(a2.id()).run().errorMessage()).isEqualTo("broke");
    assertThat(repo.getJobRunById(b1.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(repo.getJobRunById(ended.id()).orElseThrow().endTime()).isEqualTo(T0);
    assertThat(repo.finishRuns(List.of(), CHAINS)).isEmpty();
  }

  @Test
  void aNonOwnerOrAnEndedRunChangesNothing() {
    JobRun run = running("j", "node-a");
    Completion byB =
        new Completion(
            run.id(),
            run.jobName(),
            "node-b",
            JobStatus.FAILED,
            "not mine",
            ProgressSnapshot.NONE,
            null,
            T0);
    assertThat(finish(byB)).isEmpty();
    assertThat(repo.getJobRunById(run.id()).orElseThrow()).isEqualTo(run);

    Completion ok =
        new Completion(
            run.id(),
            run.jobName(),
            "node-a",
            JobStatus.COMPLETED,
            null,
            ProgressSnapshot.NONE,
            null,
            T0);
    assertThat(finish(ok)).isPresent();
    JobRun done = repo.getJobRunById(run.id()).orElseThrow();
    Completion again =
        new Completion(
            run.id(),
            run.jobName(),
            "node-a",
            JobStatus.FAILED,
            "late",
            ProgressSnapshot.NONE,
            null,
            T0);
    assertThat(finish(again)).isEmpty();
    assertThat(repo.getJobRunById(run.id())).contains(done);

    JobRun waiting = pending("p");
    assertThat(
            finish(
                new Completion(
                    waiting.id(),
                    waiting.jobName(),
                    "node-a",
                    JobStatus.COMPLETED,
                    null,
                    ProgressSnapshot.NONE,
                    null,
                    T0)))
        .isEmpty();
  }

  @Test
  void completionOnlyTakesTerminalStatuses() {
    assertThatThrownBy(
            () ->
                new Completion(
                    1, "j", "n", JobStatus.PENDING, null, ProgressSnapshot.NONE, null, T0))
        .isInstanceOf(InvalidTransitionException.class);
  }

  @Test
  void deadRunsAreFoundAndReapedOnceFenced() {
    JobRun silent = running("silent", "node-dead");
    JobRun alive = running("alive", "node-live");
    repo.heartbeat("node-live", T0.plusSeconds(40));
    Instant cutoff = T0.plusSeconds(30);

    assertThat(repo.findDeadRuns(cutoff, 10)).extracting(JobRun::id).containsExactly(silent.id());
    assertThat(
            repo.reapRun(
                new Reap(silent.id(), "node-other", cutoff, "lost", null, T0.plusSeconds(45))))
        .isEmpty();
    assertThat(
            repo.reapRun(
                new Reap(alive.id(), "node-live", cutoff, "lost", null, T0.plusSeconds(45))))
        .isEmpty();
    assertThat(
            repo.reapRun(
                new Reap(
                    silent.id(),
                    "node-dead",
                    cutoff,
                    "node node-dead stopped",
                    null,
                    T0.plusSeconds(45))))
        .isPresent();
    assertThat(
            repo.reapRun(
                new Reap(silent.id(), "node-dead", cutoff, "again", null, T0.plusSeconds(46))))
        .isEmpty();

    JobRun reaped = repo.getJobRunById(silent.id()).orElseThrow();
    assertThat(reaped.status()).isEqualTo(JobStatus.FAILED);
    assertThat(reaped.errorMessage()).isEqualTo("node node-dead stopped");
    assertThat(
            finish(
                new Completion(
                    silent.id(),
                    silent.jobName(),
                    "node-dead",
                    JobStatus.COMPLETED,
                    null,
                    ProgressSnapshot.NONE,
                    null,
                    T0)))
        .isEmpty();
  }

  @Test
  void cancellationEndsPendingAndFlagsRunning() {
    JobRun active = running("r", "node-a");
    JobRun waiting = pending("p");

    assertThat(repo.requestCancel(waiting.id(), T0.plusSeconds(1)))
        .isEqualTo(CancelOutcome.CANCELLED);
    assertThat(repo.requestCancel(active.id(), T0)).isEqualTo(CancelOutcome.REQUESTED);
    assertThat(repo.requestCancel(waiting.id(), T0)).isEqualTo(CancelOutcome.ALREADY_ENDED);
    assertThat(repo.requestCancel(999_999, T0)).isEqualTo(CancelOutcome.NOT_FOUND);

    JobRun cancelled = repo.getJobRunById(waiting.id()).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(cancelled.endTime()).isEqualTo(T0.plusSeconds(1));
    JobRun flagged = repo.getJobRunById(active.id()).orElseThrow();
    assertThat(flagged.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(flagged.cancelRequested()).isTrue();
  }

  // History
  @Test
  void prunesEndedRunsInBatchesWithTheirLogs() {
    List<Long> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JobRun run = running("old-" + i, "n");
      repo.appendLogs(run.id(), List.of(new LogLine(T0, "INFO", "line " + i)));
      finish(
          new Completion(
              run.id(),
              run.jobName(),
              "n",
              JobStatus.COMPLETED,
              null,
              ProgressSnapshot.NONE,
              null,
              T0));
      old.add(run.id());
    }
    JobRun recent = running("recent", "n");
    finish(
        new Completion(
            recent.id(),
            recent.jobName(),
            "n",
            JobStatus.FAILED,
            "x",
            ProgressSnapshot.NONE,
            null,
            T0.plusSeconds(100)));
    JobRun stillRunning = running("still", "n");
    Instant cutoff = T0.plusSeconds(50);

    assertThat(repo.pruneRuns(cutoff, 2)).isEqualTo(2);
    assertThat(repo.pruneRuns(cutoff, 2)).isEqualTo(2);
    assertThat(repo.pruneRuns(cutoff, 2)).isEqualTo(1);
    assertThat(repo.pruneRuns(cutoff, 2)).isZero();

    assertThat(repo.getJobRunById(old.get(0))).isEmpty();
    assertThat(repo.getRunLogs(old.get(0))).isEmpty();
    assertThat(repo.getJobRunById(recent.id())).isPresent();
    assertThat(repo.getJobRunById(stillRunning.id())).isPresent();
  }

  @Test
  void keepsLogLinesInOrder() {
    JobRun run = running("j", "n");
    repo.appendLogs(
        run.id(),
        List.of(new LogLine(T0, "INFO", "first"), new LogLine(T0.plusMillis(1), "WARN", "second")));
    repo.appendLogs(run.id(), List.of(new LogLine(T0.plusMillis(2), "ERROR", "third")));

    assertThat(repo.getRunLogs(run.id()))
        .extracting(LogLine::message)
        .containsExactly("first", "second", "third");
    assertThat(repo.getRunLogs(run.id()).get(1).level()).isEqualTo("WARN");
  }

  @Test
  void filtersAndPagesHistoryNewestFirst() {
    List<Long> sync = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sync.add(
          repo.createJobRun(
                  NewRun.of("sync", JobType.SYNC, Trigger.MANUAL, T0).withUserId(1L),
                  T0.plusSeconds(i))
              .id());
      repo.createJobRun(NewRun.of("other", JobType.SYSTEM, Trigger.MANUAL, T0), T0.plusSeconds(i));
    }

    RunPage first = repo.findRuns(RunQuery.latest(2).withJobName("sync"));
    assertThat(first.runs()).extracting(JobRun::id).containsExactly(sync.get(4), sync.get(3));
    RunPage second =
        repo.findRuns(RunQuery.latest(2).withJobName("sync").withBeforeId(first.nextCursor()));
    assertThat(second.runs()).extracting(JobRun::id).containsExactly(sync.get(2), sync.get(1));
    RunPage last =
        repo.findRuns(RunQuery.latest(2).withJobName("sync").withBeforeId(second.nextCursor()));
    assertThat(last.runs()).extracting(JobRun::id).containsExactly(sync.get(0));
    assertThat(last.nextCursor()).isNull();

    assertThat(repo.findRuns(RunQuery.latest(100).withUserId(1L)).runs()).hasSize(5);
    repo.createJobRun(NewRun.of("sync", JobType.SYNC, Trigger.MANUAL, T0).withUserId(2L), T0);
    assertThat(repo.findRuns(RunQuery.latest(100).withVisibleTo(1L)).runs()).hasSize(10);
    assertThat(repo.findRuns(RunQuery.latest(100).withVisibleTo(2L)).runs())
        .hasSize(6)
        .allMatch(r -> r.userId() == null || r.userId() == 2L);
    assertThat(repo.findRuns(RunQuery.latest(100).withStatus(JobStatus.PENDING)).runs())
        .hasSize(11);
    assertThat(repo.findRuns(RunQuery.latest(100).withStatus(JobStatus.RUNNING)).runs()).isEmpty();
    assertThat(
            repo.findRuns(
                    RunQuery.latest(100).withCreatedBetween(T0.plusSeconds(1), T0.plusSeconds(3)))
                .runs())
        .hasSize(4);
  }

  @Test
  void aRunFeedReportsAChangeCommittedAfterNewerOnes() {
    io.suasor.jobs.event.RunFeed feed = new io.suasor.jobs.event.RunFeed(repo, "node-a", T0);
    JobRun stampedLater =
        repo.createJobRun(
            NewRun.of("job.a", JobType.SYSTEM, Trigger.MANUAL, T0), T0.plusSeconds(2));
    assertThat(feed.poll()).hasSize(1);
    // Stamped 1.8 s before the change already read: a node that stalled before committing it.
    JobRun committedLate =
        repo.createJobRun(
            NewRun.of("job.b", JobType.SYSTEM, Trigger.MANUAL, T0), T0.plusMillis(200));

    List<io.suasor.jobs.event.JobEvent> events = feed.poll();

    assertThat(events)
        .extracting(io.suasor.jobs.event.JobEvent::runId)
        .containsExactly(committedLate.id());
    assertThat(feed.poll()).isEmpty();
    assertThat(stampedLater.id()).isNotEqualTo(committedLate.id());
  }

  @Test
  void aRunFeedReportsTwoChangesOfOneRunWithinOneMillisecond() {
    io.suasor.jobs.event.RunFeed feed = new io.suasor.jobs.event.RunFeed(repo, "node-a", T0);
    JobRun run = pending("job.a");
    assertThat(feed.poll())
        .singleElement()
        .isInstanceOf(io.suasor.jobs.event.JobEvent.RunCreated.class);
    assertThat(repo.claimRun(run.id(), "node-b", T0)).isPresent();

    assertThat(feed.poll())
        .singleElement()
        .isInstanceOf(io.suasor.jobs.event.JobEvent.RunStarted.class);
  }
}
