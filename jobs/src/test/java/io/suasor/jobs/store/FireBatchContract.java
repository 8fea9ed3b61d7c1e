package io.suasor.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link JobRepository#fireDueSchedules}: batches of due schedules fired in one transaction each,
 * by callers racing as nodes do; run once per database by its subclasses.
 */
abstract class FireBatchContract extends MigratedRepository {
  static final Instant T0 = Instant.parse("2026-03-01T03:00:00Z");
  static final Duration DAY = Duration.ofDays(1);

  JobSchedule schedule(String name, Instant next) {
    return repo.createJobSchedule(
        JobSchedule.builder("user.digest")
            .name(name)
            .jobType(JobType.USER)
            .frequency("daily at 03:00")
            .nextRunTime(next)
            .build(),
        T0);
  }

  /** A schedule's firing as the engine plans it: one run of its instant, due a day later next. */
  static Fire plan(JobSchedule s) {
    Instant at = s.nextRunTime();
    NewRun run =
        NewRun.of(s.jobName(), s.jobType(), Trigger.SCHEDULE, at)
            .withFire(s.id(), at)
            .withUserId(s.userId());
    return new Fire(s.id(), at, at.plus(DAY), at, List.of(run), T0);
  }

  /** Fires batch after batch, as one node's pass does; returns the runs it inserted. */
  List<JobRun> fireAll(int batch) {
    List<JobRun> runs = new ArrayList<>();
    FiredBatch fired;
    do {
      fired = repo.fireDueSchedules(T0, batch, FireBatchContract::plan);
      runs.addAll(fired.runs());
    } while (fired.schedules() == batch);
    return runs;
  }

  @Test
  void fourCallersFiringTogetherMakeOneRunPerDueSchedule() throws Exception {
    for (int i = 0; i < 300; i++) {
      schedule("user-" + i, T0.minusSeconds(i % 3));
    }
    JobSchedule later = schedule("later", T0.plusSeconds(1));
    repo.createJobSchedule(
        JobSchedule.builder("user.digest")
            .name("off")
            .jobType(JobType.USER)
            .frequency("daily at 03:00")
            .nextRunTime(T0)
            .enabled(false)
            .build(),
        T0);

    List<List<JobRun>> fired = JobRepositoryContract.race(4, () -> fireAll(20));

    List<JobRun> runs = fired.stream().flatMap(List::stream).toList();
    assertThat(runs).hasSize(300);
    Set<Long> schedules = runs.stream().map(JobRun::scheduleId).collect(Collectors.toSet());
    assertThat(schedules).hasSize(300).doesNotContain(later.id());
    assertThat(repo.getRecentJobRuns(1000)).hasSize(300);
    assertThat(repo.findDueSchedules(T0, 1000)).isEmpty();
    JobSchedule moved = repo.getJobSchedule("user-4").orElseThrow();
    assertThat(moved.nextRunTime()).isEqualTo(T0.minusSeconds(1).plus(DAY));
    assertThat(moved.lastRunTime()).isEqualTo(T0.minusSeconds(1));
    assertThat(repo.getJobSchedule("later").orElseThrow().nextRunTime())
        .isEqualTo(T0.plusSeconds(1));
  }

  @Test
  void aFiringThatExpectedAnotherNextRunTimeMovesNothingAndInsertsNothing() {
    JobSchedule s = schedule("s", T0);

    FiredBatch fired =
        repo.fireDueSchedules(
            T0,
            10,
            due -> {
              Fire planned = plan(due);
              return new Fire(
                  planned.scheduleId(),
                  T0.minusSeconds(60),
                  planned.newNextRunTime(),
                  planned.lastRunTime(),
                  planned.runs(),
                  T0);
            });

    assertThat(fired.schedules()).isEqualTo(1);
    assertThat(fired.runs()).isEmpty();
    assertThat(repo.getRecentJobRuns(10)).isEmpty();
    assertThat(repo.getJobSchedule("s").orElseThrow().nextRunTime()).isEqualTo(s.nextRunTime());
  }

  @Test
  void aScheduleThatStopsFiringIsMovedWithoutARun() {
    schedule("s", T0);

    FiredBatch fired =
        repo.fireDueSchedules(
            T0, 10, due -> new Fire(due.id(), due.nextRunTime(), null, null, List.of(), T0));

    assertThat(fired.runs()).isEmpty();
    assertThat(repo.getJobSchedule("s").orElseThrow().nextRunTime()).isNull();
    assertThat(repo.findDueSchedules(T0, 10)).isEmpty();
  }
}
