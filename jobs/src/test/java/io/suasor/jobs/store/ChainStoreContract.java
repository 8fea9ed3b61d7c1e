package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the statement that ends runs starts the chains that follow them ({@code after JOB}); run on
 * each database by its subclasses, each test on a fresh database.
 */
abstract class ChainStoreContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant END = T0.plusSeconds(42);

  JobSchedule schedule(String name, String job, String frequency, Long userId) {
    return repo.createJobSchedule(
        JobSchedule.of(job, JobType.SYSTEM, frequency).withName(name).withUserId(userId), T0);
  }

  JobRun running(String job, Long userId) {
    JobRun run =
        repo.createJobRun(
            NewRun.of(job, JobType.SYSTEM, Trigger.MANUAL, T0)
                .withUserId(userId)
                .withConcurrencyLimit(NewRun.UNLIMITED),
            T0);
    return repo.claimRun(run.id(), "node-a", T0).orElseThrow();
  }

  Completion completion(JobRun run, JobStatus status) {
    return new Completion(
        run.id(),
        run.jobName(),
        "node-a",
        status,
        status == JobStatus.COMPLETED ? null : "it " + status.value(),
        new ProgressSnapshot(100, 3, 3, "done", "{\"itemsCreated\":3}"),
        null,
        END);
  }

  Finished finish(JobRun run, JobStatus status) {
    return repo.finishRun(completion(run, status), JobRepositoryContract.CHAINS).orElseThrow();
  }

  List<JobRun> runsOf(String job) {
    return repo.findRuns(RunQuery.latest(100).withJobName(job)).runs();
  }

  @Test
  void aCompletedRunStartsOneRunForEachEnabledScheduleThatFollowsItsJob() {
    JobSchedule refresh = schedule("refresh", "refresh", "after sync", null);
    JobSchedule collections =
        schedule("collections", "collections", "daily at 04:00 or after sync", null);
    schedule("elsewhere", "elsewhere", "after other.job", null);
    schedule("clock", "clock", "daily", null);
    JobSchedule paused = schedule("paused", "paused", "after sync", null);
    repo.updateJobSchedule(paused.withEnabled(false), T0);
    JobRun sync = running("sync", null);

    Finished finished = finish(sync, JobStatus.COMPLETED);

    assertThat(finished.run().status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(finished.followers())
        .extracting(JobRun::jobName)
        .containsExactlyInAnyOrder("refresh", "collections");
    for (JobRun follower : finished.followers()) {
      assertThat(follower.status()).isEqualTo(JobStatus.PENDING);
      assertThat(follower.trigger()).isEqualTo(Trigger.AFTER);
      assertThat(follower.afterRunId()).isEqualTo(sync.id());
      assertThat(follower.runAt()).isEqualTo(END);
      assertThat(follower.parameters()).isEqualTo("{\"after\":{\"runId\":" + sync.id() + "}}");
      assertThat(repo.getJobRunById(follower.id())).contains(follower);
    }
    assertThat(finished.followers())
        .extracting(JobRun::scheduleId)
        .containsExactlyInAnyOrder(refresh.id(), collections.id());
    assertThat(repo.getJobSchedule("refresh").orElseThrow().lastRunTime()).isEqualTo(END);
    assertThat(repo.getJobSchedule("collections").orElseThrow().nextRunTime())
        .isEqualTo(collections.nextRunTime());
    assertThat(runsOf("paused")).isEmpty();
    assertThat(runsOf("elsewhere")).isEmpty();
    assertThat(runsOf("clock")).isEmpty();
  }

  @Test
  void failedAndCancelledRunsStartNothing() {
    schedule("refresh", "refresh", "after sync", null);

    assertThat(finish(running("sync", null), JobStatus.FAILED).followers()).isEmpty();
    assertThat(finish(running("sync", null), JobStatus.CANCELLED).followers()).isEmpty();

    assertThat(runsOf("refresh")).isEmpty();
    assertThat(repo.getJobSchedule("refresh").orElseThrow().lastRunTime()).isNull();
  }

  @Test
  void aBatchOfEndsStartsTheFollowersOfItsCompletedRunsEachOfItsOwnJob() {
    schedule("refresh", "refresh", "after sync", null);
    schedule("notify", "notify", "after refresh", null);
    JobRun first = running("sync", null);
    JobRun failed = running("sync", null);
    JobRun refreshed = running("refresh", null);
    JobRun second = running("sync", null);

    Map<Long, Finished> ended =
        repo.finishRuns(
            List.of(
                completion(first, JobStatus.COMPLETED),
                completion(failed, JobStatus.FAILED),
                completion(refreshed, JobStatus.COMPLETED),
                completion(second, JobStatus.COMPLETED)),
            JobRepositoryContract.CHAINS);

    assertThat(ended.get(first.id()).followers())
        .extracting(JobRun::jobName)
        .containsExactly("refresh");
    assertThat(ended.get(second.id()).followers())
        .extracting(JobRun::jobName)
        .containsExactly("refresh");
    assertThat(ended.get(refreshed.id()).followers())
        .extracting(JobRun::jobName)
        .containsExactly("notify");
    assertThat(ended.get(failed.id()).followers()).isEmpty();
    assertThat(runsOf("refresh"))
        .filteredOn(run -> run.trigger() == Trigger.AFTER)
        .extracting(JobRun::afterRunId)
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(runsOf("notify")).extracting(JobRun::afterRunId).containsExactly(refreshed.id());
  }

  @Test
  void aUsersScheduleFollowsThatUsersRunsAndTheSystemsOnly() {
    schedule("refresh", "refresh", "after sync", null);
    schedule("refresh.user-1", "refresh", "after sync", 1L);
    schedule("refresh.user-2", "refresh", "after sync", 2L);

    List<JobRun> afterUserOne = finish(running("sync", 1L), JobStatus.COMPLETED).followers();
    List<JobRun> afterSystem = finish(running("sync", null), JobStatus.COMPLETED).followers();

    assertThat(afterUserOne).extracting(JobRun::userId).containsExactlyInAnyOrder(null, 1L);
    assertThat(afterSystem).extracting(JobRun::userId).containsExactlyInAnyOrder(null, 1L, 2L);
  }

  @Test
  void aFollowersRunIsFollowedInTurn() {
    schedule("refresh", "refresh", "after sync", null);
    schedule("notify", "notify", "after refresh", null);

    JobRun refresh = finish(running("sync", null), JobStatus.COMPLETED).followers().get(0);
    JobRun claimed = repo.claimRun(refresh.id(), "node-a", END).orElseThrow();
    List<JobRun> next = finish(claimed, JobStatus.COMPLETED).followers();

    assertThat(next).extracting(JobRun::jobName).containsExactly("notify");
    assertThat(next.get(0).afterRunId()).isEqualTo(refresh.id());
  }

  @Test
  void aScheduleEditedOffTheChainNoLongerFollows() {
    JobSchedule refresh = schedule("refresh", "refresh", "after sync", null);
    repo.updateJobSchedule(refresh.withFrequency("daily", "UTC"), T0);

    assertThat(finish(running("sync", null), JobStatus.COMPLETED).followers()).isEmpty();

    JobSchedule edited = repo.getJobSchedule("refresh").orElseThrow();
    repo.updateJobSchedule(edited.withFrequency("daily or after sync", "UTC"), T0);
    assertThat(finish(running("sync", null), JobStatus.COMPLETED).followers()).hasSize(1);
  }

  @Test
  void aScheduleGetsAtMostOneRunAfterOneFinishedRun() {
    JobSchedule refresh = schedule("refresh", "refresh", "after sync", null);
    JobRun sync = running("sync", null);
    finish(sync, JobStatus.COMPLETED);
    NewRun again =
        NewRun.of("refresh", JobType.SYSTEM, Trigger.AFTER, END)
            .withScheduleId(refresh.id())
            .withAfterRun(sync.id());

    var second =
        database.inTransaction("insert again", c -> RunStore.insertUnlessFollowed(c, again, END));

    assertThat(second).isEmpty();
    assertThat(runsOf("refresh")).hasSize(1);
  }
}
