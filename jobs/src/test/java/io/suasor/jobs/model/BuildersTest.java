package io.suasor.jobs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The builders of {@link NewRun} and {@link JobSchedule}: defaults, copies, and validation. */
class BuildersTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aNewRunStartsWithTheDefaultsOfAFirstExclusiveAttempt() {
    NewRun run = NewRun.builder("sync", JobType.SYNC, Trigger.MANUAL, T).build();

    assertThat(run)
        .isEqualTo(
            new NewRun(
                "sync",
                JobType.SYNC,
                null,
                null,
                Trigger.MANUAL,
                1,
                null,
                null,
                null,
                T,
                JobSchedule.EMPTY_CONFIG,
                null,
                NewRun.EXCLUSIVE));
    assertThat(NewRun.of("sync", JobType.SYNC, Trigger.MANUAL, T)).isEqualTo(run);
  }

  @Test
  void toBuilderKeepsEveryValueItIsNotToldToChange() {
    NewRun run =
        NewRun.builder("sync", JobType.SYNC, Trigger.RETRY, T)
            .userId(3L)
            .scheduleId(4L)
            .attempt(2)
            .retryOf(5L)
            .afterRunId(6L)
            .scheduledFor(T.minusSeconds(1))
            .parameters("{\"a\":1}")
            .timeout(Duration.ofMinutes(2))
            .concurrencyLimit(NewRun.UNLIMITED)
            .build();

    assertThat(run.toBuilder().build()).isEqualTo(run);
    NewRun changed = run.withParameters("{}");
    assertThat(changed.parameters()).isEqualTo("{}");
    assertThat(changed.toBuilder().parameters(run.parameters()).build()).isEqualTo(run);
  }

  @Test
  void aNewRunIsStillCheckedByItsConstructor() {
    assertThatThrownBy(
            () ->
                NewRun.builder("sync", JobType.SYNC, Trigger.MANUAL, T)
                    .concurrencyLimit(-1)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrencyLimit");
  }

  @Test
  void aNewScheduleIsEnabledUnderItsJobsNameInUtcWithAnEmptyConfig() {
    JobSchedule schedule = JobSchedule.builder("sync").jobType(JobType.SYNC).build();

    assertThat(schedule.name()).isEqualTo("sync");
    assertThat(schedule.jobName()).isEqualTo("sync");
    assertThat(schedule.timeZone()).isEqualTo(JobSchedule.DEFAULT_TIME_ZONE);
    assertThat(schedule.enabled()).isTrue();
    assertThat(schedule.config()).isEqualTo(JobSchedule.EMPTY_CONFIG);
    assertThat(schedule.misfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE);
    assertThat(schedule.version()).isZero();
    assertThat(JobSchedule.of("sync", JobType.SYNC, "daily"))
        .isEqualTo(JobSchedule.builder("sync").jobType(JobType.SYNC).frequency("daily").build());
  }

  @Test
  void aScheduleChangedThroughItsBuilderKeepsWhatIsNotSet() {
    JobSchedule stored =
        JobSchedule.builder("sync")
            .id(1L)
            .name("sync.user-3")
            .jobType(JobType.SYNC)
            .userId(3L)
            .frequency("daily")
            .timeZone("Europe/Berlin")
            .config("{\"a\":1}")
            .lastRunTime(T)
            .nextRunTime(T.plusSeconds(60))
            .misfirePolicy(MisfirePolicy.SKIP)
            .maxAttempts(3)
            .timeoutSeconds(60L)
            .createdAt(T)
            .updatedAt(T)
            .version(7)
            .build();

    assertThat(stored.toBuilder().build()).isEqualTo(stored);
    JobSchedule paused = stored.withEnabled(false);
    assertThat(paused.enabled()).isFalse();
    assertThat(paused.toBuilder().enabled(true).build()).isEqualTo(stored);
  }
}
