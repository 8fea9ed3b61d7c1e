package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.testing.Claims;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link JobRepository#createJobRuns}: many runs in one transaction, one statement per batch; run
 * once per database by its subclasses, each test on a fresh database.
 */
abstract class BulkInsertContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  static NewRun run(int i) {
    return NewRun.of("bulk", JobType.SYSTEM, Trigger.MANUAL, T0.plusSeconds(i))
        .withParameters("{\"n\":" + i + "}")
        .withConcurrencyLimit(NewRun.UNLIMITED);
  }

  static List<NewRun> runs(int count) {
    return IntStream.range(0, count).mapToObj(BulkInsertContract::run).toList();
  }

  @Test
  void insertsRunsInTheOrderGivenWithEveryField() {
    NewRun full =
        NewRun.of("other", JobType.USER, Trigger.STARTUP, T0)
            .withUserId(42L)
            .withParameters("{\"a\":1,\n\"b\":\"x, \\\"y\\\"\"}")
            .withTimeout(Duration.ofSeconds(90))
            .withConcurrencyLimit(3);
    JobSchedule schedule = repo.createJobSchedule(JobSchedule.of("s", JobType.SYSTEM, "daily"), T0);
    List<NewRun> given = new ArrayList<>(runs(3));
    given.add(1, full);
    given.set(3, run(2).withFire(schedule.id(), T0.plusSeconds(60)));

    List<JobRun> created = repo.createJobRuns(given, T0);

    assertThat(created).hasSize(4);
    assertThat(created).extracting(JobRun::id).isSorted().doesNotHaveDuplicates();
    assertThat(created)
        .extracting(JobRun::parameters)
        .containsExactly("{\"n\":0}", full.parameters(), "{\"n\":1}", "{\"n\":2}");
    for (JobRun run : created) {
      assertThat(repo.getJobRunById(run.id())).contains(run);
    }
    JobRun stored = created.get(1);
    assertThat(stored.jobName()).isEqualTo("other");
    assertThat(stored.jobType()).isEqualTo(JobType.USER);
    assertThat(stored.userId()).isEqualTo(42L);
    assertThat(stored.trigger()).isEqualTo(Trigger.STARTUP);
    assertThat(stored.timeoutMillis()).isEqualTo(90_000L);
    assertThat(stored.status()).isEqualTo(JobStatus.PENDING);
    assertThat(stored.runAt()).isEqualTo(T0);
    assertThat(stored.createdAt()).isEqualTo(T0);
  }

  @Test
  void manyBatchesAreAllInsertedInOrderAndClaimable() {
    int count = 2 * RunBatchInsert.ROWS_PER_STATEMENT + 1_123;

    List<JobRun> created = repo.createJobRuns(runs(count), T0);

    assertThat(created).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(created.get(i).parameters()).isEqualTo("{\"n\":" + i + "}");
    }
    assertThat(created).extracting(JobRun::id).isSorted().doesNotHaveDuplicates();
    assertThat(repo.getActiveJobRuns()).containsExactlyElementsOf(created);
    List<JobRun> claimed = Claims.ofAnyJob(repo, "node", T0.plusSeconds(count), count);
    assertThat(claimed).hasSize(count);
  }

  @Test
  void aRunThatCannotBeInsertedLeavesNoneOfTheOthers() {
    JobSchedule schedule = repo.createJobSchedule(JobSchedule.of("s", JobType.SYSTEM, "daily"), T0);
    repo.createJobRun(run(0).withFire(schedule.id(), T0), T0);
    List<NewRun> given = new ArrayList<>(runs(RunBatchInsert.ROWS_PER_STATEMENT + 10));
    // The last batch repeats a fire instant that already has its run.
    given.add(run(1).withFire(schedule.id(), T0));

    assertThatThrownBy(() -> repo.createJobRuns(given, T0)).isInstanceOf(DuplicateException.class);

    assertThat(repo.getActiveJobRuns()).hasSize(1);
  }

  @Test
  void nothingToInsertIsNoWork() {
    assertThat(repo.createJobRuns(List.of(), T0)).isEmpty();
    assertThat(repo.getActiveJobRuns()).isEmpty();
  }
}
