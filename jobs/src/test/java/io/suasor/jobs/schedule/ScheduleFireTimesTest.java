package io.suasor.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fire-time tables. Instants are written with the offset in force at the zone, so a table row shows
 * the local time a person sees: 2026-03-29 is the spring-forward day in Europe/Berlin (02:00 CET
 * becomes 03:00 CEST) and 2026-10-25 its fall-back day (03:00 CEST becomes 02:00 CET);
 * America/New_York changes on 2026-03-08 (02:00 EST to 03:00 EDT) and 2026-11-01 (02:00 EDT to
 * 01:00 EST).
 */
class ScheduleFireTimesTest {

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @ParameterizedTest(name = "{0} in {1}: after {2} comes {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # relative forms: calendar arithmetic in the zone, as the original NextRunTime
          daily                   | Europe/Berlin    | 2026-03-28T03:00+01:00 | 2026-03-29T03:00+02:00
          daily                   | Europe/Berlin    | 2026-10-24T03:00+02:00 | 2026-10-25T03:00+01:00
          daily                   | Europe/Berlin    | 2026-10-24T02:30+02:00 | 2026-10-25T02:30+02:00
          daily                   | America/New_York | 2026-03-07T03:00-05:00 | 2026-03-08T03:00-04:00
          daily                   | America/New_York | 2026-10-31T09:00-04:00 | 2026-11-01T09:00-05:00
          daily                   | UTC              | 2026-12-31T23:00Z      | 2027-01-01T23:00Z
          daily                   | UTC              | 2028-02-28T10:00Z      | 2028-02-29T10:00Z
          weekly                  | Europe/Berlin    | 2026-03-24T03:00+01:00 | 2026-03-31T03:00+02:00
          weekly                  | UTC              | 2026-12-29T10:00Z      | 2027-01-05T10:00Z
          monthly                 | UTC              | 2026-01-31T10:00Z      | 2026-02-28T10:00Z
          monthly                 | UTC              | 2028-01-31T10:00Z      | 2028-02-29T10:00Z
          monthly                 | UTC              | 2026-03-31T10:00Z      | 2026-04-30T10:00Z
          monthly                 | UTC              | 2026-12-15T10:00Z      | 2027-01-15T10:00Z
          monthly                 | Europe/Berlin    | 2026-03-15T03:00+01:00 | 2026-04-15T03:00+02:00
          # fixed intervals: exact durations on the time line
          hourly                  | Europe/Berlin    | 2026-03-29T01:30+01:00 | 2026-03-29T03:30+02:00
          hourly                  | Europe/Berlin    | 2026-10-25T02:30+02:00 | 2026-10-25T02:30+01:00
          every 1d                | Europe/Berlin    | 2026-03-28T03:00+01:00 | 2026-03-29T04:00+02:00
          every 15m               | UTC              | 2026-12-31T23:50Z      | 2027-01-01T00:05Z
          every 30s               | UTC              | 2026-01-01T00:00:00Z   | 2026-01-01T00:00:30Z
          # daily at: a time in the gap fires once, shifted; a time in the overlap once, earlier offset
          daily at 02:30          | Europe/Berlin    | 2026-03-28T02:30+01:00 | 2026-03-29T03:30+02:00
          daily at 02:30          | Europe/Berlin    | 2026-03-29T03:30+02:00 | 2026-03-30T02:30+02:00
          daily at 02:30          | Europe/Berlin    | 2026-03-29T03:10+02:00 | 2026-03-29T03:30+02:00
          daily at 02:30          | Europe/Berlin    | 2026-03-29T01:59+01:00 | 2026-03-29T03:30+02:00
          daily at 02:00          | Europe/Berlin    | 2026-03-28T02:00+01:00 | 2026-03-29T03:00+02:00
          daily at 03:00          | Europe/Berlin    | 2026-03-28T03:00+01:00 | 2026-03-29T03:00+02:00
          daily at 02:30          | Europe/Berlin    | 2026-10-24T02:30+02:00 | 2026-10-25T02:30+02:00
          daily at 02:30          | Europe/Berlin    | 2026-10-25T02:30+02:00 | 2026-10-26T02:30+01:00
          daily at 02:30          | Europe/Berlin    | 2026-10-25T02:45+02:00 | 2026-10-26T02:30+01:00
          daily at 02:30          | Europe/Berlin    | 2026-10-25T02:00+01:00 | 2026-10-26T02:30+01:00
          daily at 02:30          | America/New_York | 2026-03-07T02:30-05:00 | 2026-03-08T03:30-04:00
          daily at 02:30          | America/New_York | 2026-03-08T03:30-04:00 | 2026-03-09T02:30-04:00
          daily at 01:30          | America/New_York | 2026-10-31T01:30-04:00 | 2026-11-01T01:30-04:00
          daily at 01:30          | America/New_York | 2026-11-01T01:30-04:00 | 2026-11-02T01:30-05:00
          daily at 01:30          | America/New_York | 2026-11-01T01:10-05:00 | 2026-11-02T01:30-05:00
          daily at 00:00          | UTC              | 2026-12-31T00:00Z      | 2027-01-01T00:00Z
          daily at 23:59          | UTC              | 2026-12-31T23:59Z      | 2027-01-01T23:59Z
          daily at 12:00          | UTC              | 2028-02-28T12:00Z      | 2028-02-29T12:00Z
          daily at 12:00          | UTC              | 2028-02-29T12:00Z      | 2028-03-01T12:00Z
          daily at 12:00          | UTC              | 2026-05-05T11:59:59.999Z | 2026-05-05T12:00Z
          # weekly on: 2026-03-29 and 2026-10-25 are Sundays
          weekly on sun at 02:30  | Europe/Berlin    | 2026-03-22T02:30+01:00 | 2026-03-29T03:30+02:00
          weekly on sun at 02:30  | Europe/Berlin    | 2026-03-29T03:30+02:00 | 2026-04-05T02:30+02:00
          weekly on sun at 02:30  | Europe/Berlin    | 2026-10-18T02:30+02:00 | 2026-10-25T02:30+02:00
          weekly on sun at 02:30  | Europe/Berlin    | 2026-10-25T02:30+02:00 | 2026-11-01T02:30+01:00
          weekly on sun at 01:30  | America/New_York | 2026-11-01T01:30-04:00 | 2026-11-08T01:30-05:00
          weekly on mon at 09:00  | UTC              | 2026-12-28T09:00Z      | 2027-01-04T09:00Z
          weekly on mon at 09:00  | UTC              | 2026-12-28T08:59Z      | 2026-12-28T09:00Z
          weekly on mon at 09:00  | UTC              | 2026-12-30T12:00Z      | 2027-01-04T09:00Z
          # monthly on: past a short month's end it fires on the month's last day
          monthly on 31 at 04:00  | UTC              | 2026-01-31T04:00Z      | 2026-02-28T04:00Z
          monthly on 31 at 04:00  | UTC              | 2026-02-28T04:00Z      | 2026-03-31T04:00Z
          monthly on 31 at 04:00  | UTC              | 2026-03-31T04:00Z      | 2026-04-30T04:00Z
          monthly on 31 at 04:00  | UTC              | 2026-04-30T04:00Z      | 2026-05-31T04:00Z
          monthly on 31 at 04:00  | UTC              | 2028-01-31T04:00Z      | 2028-02-29T04:00Z
          monthly on 30 at 04:00  | UTC              | 2028-02-10T00:00Z      | 2028-02-29T04:00Z
          monthly on 29 at 04:00  | UTC              | 2027-02-28T04:00Z      | 2027-03-29T04:00Z
          monthly on 29 at 04:00  | UTC              | 2028-01-29T04:00Z      | 2028-02-29T04:00Z
          monthly on 31 at 23:30  | UTC              | 2026-12-31T23:30Z      | 2027-01-31T23:30Z
          monthly on 1 at 00:00   | Europe/Berlin    | 2026-12-01T00:00+01:00 | 2027-01-01T00:00+01:00
          monthly on 29 at 02:30  | Europe/Berlin    | 2026-02-28T02:30+01:00 | 2026-03-29T03:30+02:00
          monthly on 25 at 02:30  | Europe/Berlin    | 2026-09-25T02:30+02:00 | 2026-10-25T02:30+02:00
          monthly on 25 at 02:30  | Europe/Berlin    | 2026-10-25T02:30+02:00 | 2026-11-25T02:30+01:00
          # cron with a fixed hour: once per wall-clock time, like the calendar forms
          cron 30 2 * * *         | Europe/Berlin    | 2026-03-28T02:30+01:00 | 2026-03-29T03:30+02:00
          cron 30 2 * * *         | Europe/Berlin    | 2026-03-29T03:30+02:00 | 2026-03-30T02:30+02:00
          cron 30 2 * * *         | Europe/Berlin    | 2026-10-24T02:30+02:00 | 2026-10-25T02:30+02:00
          cron 30 2 * * *         | Europe/Berlin    | 2026-10-25T02:30+02:00 | 2026-10-26T02:30+01:00
          cron 30 2 * * *         | America/New_York | 2026-03-07T02:30-05:00 | 2026-03-08T03:30-04:00
          cron 30 1 * * *         | America/New_York | 2026-11-01T01:30-04:00 | 2026-11-02T01:30-05:00
          cron */20 2 * * *       | Europe/Berlin    | 2026-03-29T03:20+02:00 | 2026-03-29T03:40+02:00
          cron */20 2 * * *       | Europe/Berlin    | 2026-03-29T03:40+02:00 | 2026-03-30T02:00+02:00
          cron 0 3 * * *          | Europe/Berlin    | 2026-03-28T03:00+01:00 | 2026-03-29T03:00+02:00
          # cron with hour *: every real instant whose wall-clock time matches
          cron 0 * * * *          | Europe/Berlin    | 2026-03-29T01:00+01:00 | 2026-03-29T03:00+02:00
          cron 0 * * * *          | Europe/Berlin    | 2026-10-25T01:00+02:00 | 2026-10-25T02:00+02:00
          cron 0 * * * *          | Europe/Berlin    | 2026-10-25T02:00+02:00 | 2026-10-25T02:00+01:00
          cron 0 * * * *          | Europe/Berlin    | 2026-10-25T02:00+01:00 | 2026-10-25T03:00+01:00
          cron 30 * * * *         | Europe/Berlin    | 2026-03-29T01:30+01:00 | 2026-03-29T03:30+02:00
          cron 0 * * * *          | America/New_York | 2026-03-08T01:00-05:00 | 2026-03-08T03:00-04:00
          cron */15 * * * *       | America/New_York | 2026-11-01T01:45-04:00 | 2026-11-01T01:00-05:00
          cron */15 * * * *       | America/New_York | 2026-11-01T01:45-05:00 | 2026-11-01T02:00-05:00
          # cron calendar edge cases
          cron 0 0 29 2 *         | UTC              | 2026-03-01T00:00Z      | 2028-02-29T00:00Z
          cron 0 0 1 1 *          | UTC              | 2026-12-31T23:59Z      | 2027-01-01T00:00Z
          cron 0 0 31 * *         | UTC              | 2026-01-31T00:00Z      | 2026-03-31T00:00Z
          cron 0 0 13 * 5         | UTC              | 2026-04-10T00:00Z      | 2026-04-13T00:00Z
          cron 0 9 * * mon-fri    | UTC              | 2026-01-02T09:00Z      | 2026-01-05T09:00Z
          cron @daily             | Europe/Berlin    | 2026-03-28T00:00+01:00 | 2026-03-29T00:00+01:00
          """)
  void nextFireAfter(String text, ZoneId zone, String previous, String expected) {
    Schedule schedule = Schedule.parse(text, zone);

    assertThat(schedule.nextFireAfter(at(previous)).map(i -> i.atZone(zone).toOffsetDateTime()))
        .contains(OffsetDateTime.parse(expected).atZoneSameInstant(zone).toOffsetDateTime());
  }

  @ParameterizedTest(name = "{0} in {1}: saved at {2} first fires at {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # relative forms fire as soon as they are scheduled
          daily                   | UTC              | 2026-05-05T10:15:30.5Z | 2026-05-05T10:15:30.5Z
          weekly                  | Europe/Berlin    | 2026-05-05T10:15+02:00 | 2026-05-05T10:15+02:00
          monthly                 | Europe/Berlin    | 2026-05-05T10:15+02:00 | 2026-05-05T10:15+02:00
          hourly                  | UTC              | 2026-05-05T10:15Z      | 2026-05-05T10:15Z
          every 15m               | UTC              | 2026-05-05T10:15Z      | 2026-05-05T10:15Z
          # calendar forms fire at the first matching instant strictly after now
          daily at 03:00          | Europe/Berlin    | 2026-05-05T03:00+02:00 | 2026-05-06T03:00+02:00
          daily at 03:00          | Europe/Berlin    | 2026-05-05T02:59:59.999+02:00 | 2026-05-05T03:00+02:00
          daily at 03:00          | Europe/Berlin    | 2026-05-05T03:00:00.001+02:00 | 2026-05-06T03:00+02:00
          weekly on mon at 02:30  | Europe/Berlin    | 2026-05-05T10:00+02:00 | 2026-05-11T02:30+02:00
          weekly on tue at 10:00  | Europe/Berlin    | 2026-05-05T09:00+02:00 | 2026-05-05T10:00+02:00
          monthly on 31 at 04:00  | UTC              | 2026-02-10T00:00Z      | 2026-02-28T04:00Z
          monthly on 5 at 04:00   | UTC              | 2026-05-05T04:00Z      | 2026-06-05T04:00Z
          cron 0 3 * * *          | Europe/Berlin    | 2026-05-05T03:00+02:00 | 2026-05-06T03:00+02:00
          cron 0 3 * * *          | Europe/Berlin    | 2026-05-05T02:59:30.25+02:00 | 2026-05-05T03:00+02:00
          cron */15 * * * *       | UTC              | 2026-05-05T10:15:00.000000001Z | 2026-05-05T10:30Z
          """)
  void firstFireAt(String text, ZoneId zone, String now, String expected) {
    assertThat(Schedule.parse(text, zone).firstFireAt(at(now))).contains(at(expected));
  }

  @Test
  void manualNeverFiresOnItsOwn() {
    Instant now = at("2026-05-05T10:00Z");
    Schedule manual = Schedule.manual();

    assertThat(manual.firstFireAt(now)).isEmpty();
    assertThat(manual.nextFireAfter(now)).isEmpty();
    assertThat(manual.preview(now, 10)).isEmpty();
  }

  private static final ZoneId[] DST_ZONES = {
    ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York")
  };
  private static final String[] DST_DAYS = {"2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"};

  /** Calls {@code check(schedule, t)} every 7 minutes across each daylight-saving change. */
  private static void acrossDaylightSavingChanges(
      String text, java.util.function.BiConsumer<Schedule, Instant> check) {
    for (ZoneId zone : DST_ZONES) {
      Schedule schedule = Schedule.parse(text, zone);
      for (String day : DST_DAYS) {
        Instant start = at(day + "T00:00Z").minus(Duration.ofHours(12));
        for (Instant t = start;
            t.isBefore(start.plus(Duration.ofHours(36)));
            t = t.plus(Duration.ofMinutes(7))) {
          check.accept(schedule, t);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hourly",
        "daily",
        "weekly",
        "monthly",
        "every 7m",
        "every 1d",
        "daily at 02:30",
        "daily at 01:30",
        "weekly on sun at 02:30",
        "monthly on 25 at 02:30",
        "cron 30 2 * * *",
        "cron 0 * * * *",
        "cron */20 1-3 * * *",
      })
  void nextFireIsStrictlyAfterThePreviousFire(String text) {
    acrossDaylightSavingChanges(
        text,
        (schedule, t) ->
            assertThat(schedule.nextFireAfter(t).orElseThrow())
                .as("%s in %s after %s", text, schedule.zone(), t)
                .isAfter(t));
  }

  /**
   * A later "now" never gives an earlier next fire for matching schedules. (Relative ones are
   * counted from the previous fire, so they need not: 02:30 and 03:10 the day before a gap are
   * followed by 03:30 and 03:10 summer time.)
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "daily at 02:30",
        "daily at 01:30",
        "daily at 03:00",
        "weekly on sun at 02:30",
        "monthly on 25 at 02:30",
        "cron 30 2 * * *",
        "cron 0 * * * *",
        "cron */20 1-3 * * *",
        "cron 45 1 * * *",
      })
  void matchingSchedulesNeverGoBackInTime(String text) {
    // Days run in calendar order within a zone, so the floor resets only when the zone changes.
    Instant[] previousNext = {Instant.MIN};
    Schedule[] previousSchedule = {null};
    acrossDaylightSavingChanges(
        text,
        (schedule, t) -> {
          if (schedule != previousSchedule[0]) {
            previousNext[0] = Instant.MIN;
            previousSchedule[0] = schedule;
          }
          Instant next = schedule.nextFireAfter(t).orElseThrow();
          assertThat(next)
              .as("%s in %s after %s", text, schedule.zone(), t)
              .isAfterOrEqualTo(previousNext[0]);
          previousNext[0] = next;
        });
  }

  @Test
  void previewListsTheFirstFireThenTheNextOnes() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Schedule schedule = Schedule.parse("daily at 02:30", berlin);

    assertThat(schedule.preview(at("2026-03-27T12:00+01:00"), 4))
        .containsExactly(
            at("2026-03-28T02:30+01:00"),
            at("2026-03-29T03:30+02:00"),
            at("2026-03-30T02:30+02:00"),
            at("2026-03-31T02:30+02:00"));
    assertThat(Schedule.parse("every 15m").preview(at("2026-05-05T10:07Z"), 3))
        .containsExactly(at("2026-05-05T10:07Z"), at("2026-05-05T10:22Z"), at("2026-05-05T10:37Z"));
    assertThat(schedule.preview(at("2026-03-27T12:00+01:00"), 0)).isEmpty();
    assertThatThrownBy(() -> schedule.preview(Instant.EPOCH, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theZoneDecidesTheInstant() {
    Schedule utc = Schedule.parse("daily at 03:00");
    Schedule tokyo = utc.withZone(ZoneId.of("Asia/Tokyo"));
    Instant now = at("2026-05-05T00:00Z");

    assertThat(utc.firstFireAt(now)).contains(at("2026-05-05T03:00Z"));
    assertThat(tokyo.firstFireAt(now)).isEqualTo(Optional.of(at("2026-05-05T18:00Z")));
  }
}
