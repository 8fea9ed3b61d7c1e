package io.suasor.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code after <job>} form: a schedule that follows another job's successful runs. */
class ScheduleChainTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest(name = "''{0}'' reads as ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          after system.media.sync                          | after system.media.sync
          '  AFTER   system.media.sync '                   | after system.media.sync
          after Nightly.Backup                             | after Nightly.Backup
          daily at 04:00 or after system.media.sync        | daily at 04:00 or after system.media.sync
          Daily At 4:00 OR After system.media.sync         | daily at 04:00 or after system.media.sync
          after system.media.sync or daily at 04:00        | daily at 04:00 or after system.media.sync
          daily or after system.media.sync                 | daily or after system.media.sync
          every 60m or after a-job                         | hourly or after a-job
          weekly on mon at 02:30 or after x                | weekly on mon at 02:30 or after x
          cron 0 3 * * * or after x                        | cron 0 3 * * * or after x
          @daily or after x                                | cron 0 0 * * * or after x
          """)
  void readsChainsIntoTheirCanonicalText(String text, String canonical) {
    Schedule schedule = Schedule.parse(text, BERLIN);

    assertThat(schedule.text()).isEqualTo(canonical);
    assertThat(schedule.zone()).isEqualTo(BERLIN);
    assertThat(Schedule.parse(schedule.text(), BERLIN)).isEqualTo(schedule);
  }

  @Test
  void keepsTheJobAndTheClockApart() {
    Schedule chained = Schedule.parse("daily at 04:00 or after system.media.sync", BERLIN);

    assertThat(chained)
        .isEqualTo(
            new Schedule.After(
                "system.media.sync", new Schedule.Daily(LocalTime.of(4, 0), BERLIN)));
    assertThat(chained.afterJob()).contains("system.media.sync");
    assertThat(chained.clock()).isEqualTo(Schedule.dailyAt(LocalTime.of(4, 0)).withZone(BERLIN));
    assertThat(Schedule.parse("after Nightly.Backup").afterJob()).contains("Nightly.Backup");
    assertThat(Schedule.parse("daily at 04:00").afterJob()).isEmpty();
    assertThat(Schedule.after("x")).isEqualTo(new Schedule.After("x", Schedule.manual()));
  }

  @Test
  void theClockPartFiresAsItWouldAloneAndAChainAloneNever() {
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    Schedule clock = Schedule.dailyAt(LocalTime.of(4, 0)).withZone(BERLIN);

    assertThat(clock.orAfter("x").preview(now, 3)).isEqualTo(clock.preview(now, 3));
    assertThat(Schedule.after("x").firstFireAt(now)).isEmpty();
    assertThat(Schedule.after("x").nextFireAfter(now)).isEmpty();
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          after                                  | 'after' must be followed by the name of a job, as in 'after system.media.sync'
          daily or after                         | 'after' must be followed by the name of a job
          after or daily                         | 'after' must be followed by the name of a job
          daily after x                          | write 'or' between the clock and 'after x', as in 'daily at 04:00 or after x'
          or after x                             | write 'or' between the clock and 'after x'
          after x daily                          | unexpected 'daily' after 'after x'; to run on a clock as well, write it as '<clock> or after x'
          after x or                             | 'or' must be followed by a clock form such as 'daily at 04:00'
          daily or after x sharp                 | unexpected 'sharp' after the job name 'x'
          daily or after x or after y            | a schedule follows at most one job; keep one 'after <job>'
          after x or after y                     | a schedule follows at most one job
          manual or after x                      | 'manual' cannot be combined with 'after'; write 'after x' alone
          after x or manual                      | 'manual' cannot be combined with 'after'
          daily or weekly                        | 'or' joins a clock and 'after <job>', as in 'daily at 04:00 or after system.media.sync'
          daily at 25:00 or after x              | hour 25 is out of range (0-23)
          evry 5m or after x                     | accepted forms are
          """)
  void rejectsWhatItCannotReadAndSaysWhatToChange(String text, String reason) {
    assertThatThrownBy(() -> Schedule.parse(text, BERLIN))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageStartingWith("cannot read schedule '" + text + "': ")
        .hasMessageContaining(reason)
        .hasMessageEndingWith("accepted forms are " + Schedule.ACCEPTED_FORMS);
  }

  @Test
  void aChainCannotBeBuiltWithoutAJobOrAroundAnotherChain() {
    assertThatThrownBy(() -> Schedule.after(" "))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("is not a job name");
    assertThatThrownBy(() -> Schedule.after("a b"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageContaining("a job name has no spaces");
    assertThatThrownBy(() -> Schedule.after("a").orAfter("b"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessage("invalid schedule: a schedule follows at most one job");
  }

  @ParameterizedTest(name = "''{0}'' reads ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          after system.media.sync                   | after each successful run of system.media.sync
          daily at 04:00 or after system.media.sync | every day at 04:00 (Europe/Berlin), and after each successful run of system.media.sync
          """)
  void describesItselfInPlainEnglish(String text, String description) {
    assertThat(Schedule.parse(text, BERLIN).describe()).isEqualTo(description);
  }
}
