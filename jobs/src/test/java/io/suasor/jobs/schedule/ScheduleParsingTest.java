package io.suasor.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleParsingTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId UTC = ZoneId.of("UTC");

  @ParameterizedTest(name = "''{0}'' reads as ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          manual                      | manual
          MANUAL                      | manual
          '  daily  '                 | daily
          weekly                      | weekly
          Monthly                     | monthly
          hourly                      | hourly
          every 1h                    | hourly
          every 60m                   | hourly
          every 30s                   | every 30s
          every 90s                   | every 90s
          every 120s                  | every 2m
          every 15m                   | every 15m
          every   15   minutes        | every 15m
          every 1 minute              | every 1m
          every 2 Hours               | every 2h
          every 3hrs                  | every 3h
          every 1d                    | every 1d
          every 48h                   | every 2d
          every 7 days                | every 7d
          every 45 sec                | every 45s
          daily at 03:00              | daily at 03:00
          daily at 3:05               | daily at 03:05
          DAILY AT 23:59              | daily at 23:59
          weekly on mon at 02:30      | weekly on mon at 02:30
          weekly on Monday at 2:30    | weekly on mon at 02:30
          weekly on SUNDAY at 00:00   | weekly on sun at 00:00
          weekly on thu at 12:00      | weekly on thu at 12:00
          monthly on 1 at 00:00       | monthly on 1 at 00:00
          monthly on 31st at 04:00    | monthly on 31 at 04:00
          monthly on 2nd at 04:00     | monthly on 2 at 04:00
          cron 0 3 * * *              | cron 0 3 * * *
          'cron  0   3 *  * * '       | cron 0 3 * * *
          cron */15 * * * *           | cron */15 * * * *
          cron 0 9 * * MON-FRI        | cron 0 9 * * mon-fri
          cron 0 0 1 JAN *            | cron 0 0 1 jan *
          cron @daily                 | cron 0 0 * * *
          @hourly                     | cron 0 * * * *
          @weekly                     | cron 0 0 * * 0
          @monthly                    | cron 0 0 1 * *
          @yearly                     | cron 0 0 1 1 *
          """)
  void readsEveryFormIntoItsCanonicalText(String text, String canonical) {
    Schedule schedule = Schedule.parse(text, BERLIN);

    assertThat(schedule.text()).isEqualTo(canonical);
    assertThat(schedule.zone()).isEqualTo(BERLIN);
    assertThat(Schedule.parse(schedule.text(), BERLIN)).isEqualTo(schedule);
  }

  static Stream<Schedule> everyKindOfSchedule() {
    return Stream.of(
        Schedule.manual(),
        Schedule.hourly(),
        Schedule.daily(),
        Schedule.weekly(),
        Schedule.monthly(),
        Schedule.every(Duration.ofSeconds(1)),
        Schedule.every(Duration.ofSeconds(61)),
        Schedule.every(Duration.ofMinutes(90)),
        Schedule.every(Duration.ofDays(365)),
        Schedule.dailyAt(LocalTime.of(3, 0)),
        Schedule.dailyAt(LocalTime.MIDNIGHT),
        Schedule.weeklyOn(DayOfWeek.SATURDAY, LocalTime.of(23, 59)),
        Schedule.monthlyOn(31, LocalTime.of(4, 0)),
        Schedule.monthlyOn(1, LocalTime.of(0, 0)),
        Schedule.cron("5 4 * * sun"),
        Schedule.cron("0 0 29 2 *"),
        Schedule.manual().withZone(BERLIN),
        Schedule.daily().withZone(ZoneId.of("America/New_York")),
        Schedule.cron("30 2 * * *").withZone(BERLIN),
        Schedule.after("system.media.sync"),
        Schedule.dailyAt(LocalTime.of(4, 0)).orAfter("system.media.sync").withZone(BERLIN),
        Schedule.every(Duration.ofMinutes(15)).orAfter("backup"));
  }

  @ParameterizedTest
  @MethodSource("everyKindOfSchedule")
  void textRoundTripsThroughParse(Schedule schedule) {
    assertThat(Schedule.parse(schedule.text(), schedule.zone())).isEqualTo(schedule);
    assertThat(schedule.text()).isEqualTo(schedule.text().toLowerCase()).doesNotContain("  ");
  }

  @Test
  void theOriginalFormsAreTheRelativeFactories() {
    assertThat(Schedule.parse("manual")).isEqualTo(Schedule.manual());
    assertThat(Schedule.parse("daily")).isEqualTo(Schedule.daily());
    assertThat(Schedule.parse("weekly")).isEqualTo(Schedule.weekly());
    assertThat(Schedule.parse("monthly")).isEqualTo(Schedule.monthly());
    assertThat(Schedule.parse("hourly")).isEqualTo(Schedule.every(Duration.ofHours(1)));
    assertThat(Schedule.parse("daily").zone()).isEqualTo(UTC);
  }

  @Test
  void readsIntoTheExpectedRecords() {
    assertThat(Schedule.parse("weekly on tuesday at 2:30", BERLIN))
        .isEqualTo(new Schedule.Weekly(DayOfWeek.TUESDAY, LocalTime.of(2, 30), BERLIN));
    assertThat(Schedule.parse("monthly on 15 at 08:45", BERLIN))
        .isEqualTo(new Schedule.Monthly(15, LocalTime.of(8, 45), BERLIN));
    assertThat(Schedule.parse("every 15 minutes", BERLIN))
        .isEqualTo(new Schedule.Every(Duration.ofMinutes(15), BERLIN));
    assertThat(Schedule.parse("daily at 03:00", BERLIN))
        .isEqualTo(new Schedule.Daily(LocalTime.of(3, 0), BERLIN));
    assertThat(Schedule.parse("cron 0 3 * * *", BERLIN))
        .isEqualTo(new Schedule.Cron("0 3 * * *", BERLIN));
  }

  @ParameterizedTest(name = "''{0}'': {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          daily at 25:00             | hour 25 is out of range (0-23)
          daily at 03:60             | minute 60 is out of range (0-59)
          daily at 3pm               | '3pm' is not a time of day HH:MM
          daily at                   | 'daily at' must be followed by a time HH:MM
          daily 03:00                | expected 'at' after 'daily' but found '03:00'
          daily at 03:00 sharp       | unexpected 'sharp' after 'daily at 03:00'
          weekly on mnday at 02:30   | unknown day 'mnday'
          weekly on mon              | 'weekly on mon' must be followed by 'at HH:MM'
          weekly at 02:30            | expected 'on' after 'weekly' but found 'at'
          monthly on 32 at 04:00     | day of month 32 is out of range (1-31)
          monthly on 0 at 04:00      | day of month 0 is out of range (1-31)
          monthly on last at 04:00   | 'last' is not a day of the month (1-31)
          every 0m                   | the interval must be between 1 second and 365 days
          every -5m                  | the interval must be between 1 second and 365 days
          every 366d                 | the interval must be between 1 second and 365 days
          every 99999999999999999999d | the interval must be between 1 second and 365 days
          every 5w                   | unknown unit 'w' (use s, m, h or d)
          every 5                    | the interval needs a unit: s, m, h or d
          every                      | 'every' takes a number and a unit
          every five minutes         | 'five minutes' is not a number and a unit
          hourly please              | unexpected 'please' after 'hourly'
          manual now                 | unexpected 'now' after 'manual'
          cron                       | 'cron' needs an expression
          cron 0 3 * *               | a cron expression has 5 fields (minute hour day-of-month month day-of-week), '0 3 * *' has 4
          cron 0 0 3 * * *           | '0 0 3 * * *' has 6
          cron 61 * * * *            | invalid cron expression '61 * * * *' (Value 61 not in range [0, 59])
          cron 0 25 * * *            | Value 25 not in range [0, 23]
          cron 0 0 * * 8             | Value 8 not in range [0, 7]
          cron a b c d e             | invalid cron expression 'a b c d e'
          cron 0 0 30 2 *            | cron expression '0 0 30 2 *' never fires
          @reboot                    | accepted forms are
          """)
  void rejectsWhatItCannotReadAndSaysWhy(String text, String reason) {
    assertThatThrownBy(() -> Schedule.parse(text, BERLIN))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageStartingWith("cannot read schedule '" + text + "': ")
        .hasMessageContaining(reason)
        .hasMessageEndingWith("accepted forms are " + Schedule.ACCEPTED_FORMS)
        .satisfies(e -> assertThat(((InvalidScheduleException) e).scheduleText()).isEqualTo(text));
  }

  @Test
  void anUnknownFormGetsTheListOfAcceptedForms() {
    assertThatThrownBy(() -> Schedule.parse("evry 5m"))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessage(
            "cannot read schedule 'evry 5m': accepted forms are manual, hourly, daily, weekly,"
                + " monthly, every <n>s|m|h|d, daily at HH:MM, weekly on <mon..sun> at HH:MM,"
                + " monthly on <1-31> at HH:MM, cron <minute hour day-of-month month"
                + " day-of-week>, after <job>, and any of these but manual followed by 'or"
                + " after <job>'")
        .satisfies(e -> assertThat(((InvalidScheduleException) e).reason()).isEmpty());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n"})
  void rejectsMissingOrBlankText(String text) {
    assertThatThrownBy(() -> Schedule.parse(text))
        .isInstanceOf(InvalidScheduleException.class)
        .hasMessageStartingWith("cannot read schedule")
        .hasMessageContaining(text == null ? "no text was given" : "the text is blank")
        .hasMessageContaining(Schedule.ACCEPTED_FORMS);
  }

  @Test
  void rejectsValuesTheTextCannotHold() {
    List<Runnable> invalid =
        List.of(
            () -> Schedule.every(Duration.ZERO),
            () -> Schedule.every(Duration.ofSeconds(-1)),
            () -> Schedule.every(Duration.ofMillis(1500)),
            () -> Schedule.every(Duration.ofDays(366)),
            () -> Schedule.dailyAt(LocalTime.of(3, 0, 30)),
            () -> new Schedule.Weekly(DayOfWeek.MONDAY, null, UTC),
            () -> new Schedule.Weekly(null, LocalTime.NOON, UTC),
            () -> new Schedule.Monthly(15, null, UTC),
            () -> Schedule.monthlyOn(0, LocalTime.NOON),
            () -> Schedule.monthlyOn(32, LocalTime.NOON),
            () -> Schedule.cron("0 3 * *"));
    for (Runnable construction : invalid) {
      assertThatThrownBy(construction::run)
          .isInstanceOf(InvalidScheduleException.class)
          .hasMessageStartingWith("invalid schedule: ");
    }
  }

  @ParameterizedTest(name = "''{0}'' reads ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          manual                   | only when started by hand
          hourly                   | every hour
          every 1s                 | every second
          every 15m                | every 15 minutes
          every 2h                 | every 2 hours
          every 1d                 | every 24 hours
          every 3d                 | every 3 days
          daily                    | once a day, one day after the previous run (Europe/Berlin)
          weekly                   | once a week, seven days after the previous run (Europe/Berlin)
          monthly                  | once a month, one month after the previous run (Europe/Berlin)
          daily at 03:00           | every day at 03:00 (Europe/Berlin)
          weekly on mon at 02:30   | every Monday at 02:30 (Europe/Berlin)
          monthly on 15 at 04:00   | every month on day 15 at 04:00 (Europe/Berlin)
          monthly on 31 at 04:00   | every month on day 31, or the last day of shorter months, at 04:00 (Europe/Berlin)
          cron 0 3 * * *           | on the cron schedule '0 3 * * *' (Europe/Berlin)
          """)
  void describesItselfInPlainEnglish(String text, String description) {
    assertThat(Schedule.parse(text, BERLIN).describe()).isEqualTo(description);
  }

  @ParameterizedTest
  @MethodSource("everyKindOfSchedule")
  void withZoneKeepsTheKindAndChangesOnlyTheZone(Schedule schedule) {
    Schedule moved = schedule.withZone(BERLIN);

    assertThat(moved.zone()).isEqualTo(BERLIN);
    assertThat(moved.getClass()).isEqualTo(schedule.getClass());
    assertThat(moved.text()).isEqualTo(schedule.text());
  }
}
