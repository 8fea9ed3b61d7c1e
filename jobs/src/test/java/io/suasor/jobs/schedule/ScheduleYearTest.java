package io.suasor.jobs.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Iterates schedules over whole simulated years, daylight-saving changes included. */
class ScheduleYearTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Every fire from the start of {@code year} (inclusive) to the start of the next, local time. */
  private static List<Instant> firesIn(Schedule schedule, int year) {
    Instant start = LocalDate.of(year, 1, 1).atStartOfDay(schedule.zone()).toInstant();
    Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(schedule.zone()).toInstant();
    return firesBetween(schedule, start, end);
  }

  private static List<Instant> firesBetween(Schedule schedule, Instant start, Instant end) {
    List<Instant> fires = new ArrayList<>();
    // Asking just before the start lets a calendar schedule fire at the start itself; a relative
    // one answers with the moment it was asked, so it starts at the start instead.
    Instant fire =
        schedule
            .firstFireAt(start.minusNanos(1))
            .map(f -> f.isBefore(start) ? start : f)
            .orElseThrow();
    while (fire.isBefore(end)) {
      fires.add(fire);
      fire = schedule.nextFireAfter(fire).orElseThrow();
    }
    return fires;
  }

  private static List<LocalDateTime> local(List<Instant> fires, ZoneId zone) {
    return fires.stream().map(fire -> LocalDateTime.ofInstant(fire, zone)).toList();
  }

  @ParameterizedTest(name = "{0} in {1} fires once on each day of {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          daily at 02:30   | Europe/Berlin    | 2026 | 365
          daily at 02:00   | Europe/Berlin    | 2026 | 365
          daily at 03:00   | Europe/Berlin    | 2026 | 365
          daily at 02:30   | America/New_York | 2026 | 365
          daily at 01:30   | America/New_York | 2026 | 365
          daily at 00:00   | UTC              | 2026 | 365
          daily at 12:00   | UTC              | 2028 | 366
          daily at 01:30   | America/New_York | 2028 | 366
          cron 30 2 * * *  | Europe/Berlin    | 2026 | 365
          cron 30 1 * * *  | America/New_York | 2026 | 365
          cron 0 0 * * *   | Europe/Berlin    | 2028 | 366
          """)
  void dailySchedulesFireOncePerLocalDate(String text, ZoneId zone, int year, int days) {
    List<LocalDateTime> fires = local(firesIn(Schedule.parse(text, zone), year), zone);

    assertThat(fires).hasSize(days);
    assertThat(fires.stream().map(LocalDateTime::toLocalDate).distinct()).hasSize(days);
  }

  @Test
  void dailyAt0230InBerlinIsShiftedOnlyOnTheDayOfTheGap() {
    List<LocalDateTime> fires =
        local(firesIn(Schedule.parse("daily at 02:30", BERLIN), 2026), BERLIN);

    assertThat(fires)
        .filteredOn(fire -> !fire.toLocalTime().equals(LocalTime.of(2, 30)))
        .containsExactly(LocalDateTime.parse("2026-03-29T03:30"));
  }

  @Test
  void cronAtAFixedHourFiresExactlyWhenTheCalendarFormDoes() {
    for (ZoneId zone : List.of(BERLIN, NEW_YORK)) {
      for (String time : List.of("01:30", "02:00", "02:30", "03:15")) {
        String[] hourMinute = time.split(":");
        String cron =
            "cron "
                + Integer.parseInt(hourMinute[1])
                + " "
                + Integer.parseInt(hourMinute[0])
                + " * * *";

        assertThat(firesIn(Schedule.parse(cron, zone), 2026))
            .as("%s in %s", cron, zone)
            .isEqualTo(firesIn(Schedule.parse("daily at " + time, zone), 2026));
      }
    }
  }

  @ParameterizedTest(name = "{0} in {1} fires {2} times in 2026, always {3} apart")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          cron 0 * * * *     | Europe/Berlin    | 8760  | PT1H
          cron 0 * * * *     | America/New_York | 8760  | PT1H
          cron */15 * * * *  | America/New_York | 35040 | PT15M
          hourly             | Europe/Berlin    | 8760  | PT1H
          every 15m          | Europe/Berlin    | 35040 | PT15M
          every 1d           | Europe/Berlin    | 365   | PT24H
          """)
  void realTimeSchedulesFireOnEveryRealInterval(
      String text, ZoneId zone, int count, Duration spacing) {
    List<Instant> fires = firesIn(Schedule.parse(text, zone), 2026);

    assertThat(fires).hasSize(count);
    IntStream.range(1, fires.size())
        .forEach(
            i -> assertThat(Duration.between(fires.get(i - 1), fires.get(i))).isEqualTo(spacing));
  }

  @Test
  void hourlyCronFiresTheRepeatedHourTwiceAndSkipsTheMissingOne() {
    List<LocalDateTime> fires =
        local(firesIn(Schedule.parse("cron 0 * * * *", BERLIN), 2026), BERLIN);

    assertThat(fires)
        .filteredOn(fire -> fire.toLocalDate().equals(LocalDate.of(2026, 3, 29)))
        .hasSize(23);
    assertThat(fires)
        .filteredOn(fire -> fire.toLocalDate().equals(LocalDate.of(2026, 10, 25)))
        .hasSize(25);
    assertThat(fires)
        .filteredOn(fire -> fire.equals(LocalDateTime.parse("2026-10-25T02:00")))
        .hasSize(2);
    assertThat(fires).doesNotContain(LocalDateTime.parse("2026-03-29T02:00"));
  }

  @Test
  void weeklyFiresOnEverySundayOfTheYear() {
    List<LocalDateTime> fires =
        local(firesIn(Schedule.parse("weekly on sun at 02:30", BERLIN), 2026), BERLIN);

    assertThat(fires).hasSize(52);
    assertThat(fires).allSatisfy(fire -> assertThat(fire.getDayOfWeek().getValue()).isEqualTo(7));
    assertThat(fires.get(0)).isEqualTo(LocalDateTime.parse("2026-01-04T02:30"));
    assertThat(fires)
        .contains(LocalDateTime.parse("2026-03-29T03:30"), LocalDateTime.parse("2026-10-25T02:30"));
  }

  @Test
  void monthlyOnThe31stFiresOnEachMonthsLastDay() {
    for (int year : new int[] {2026, 2028}) {
      List<LocalDate> fires =
          local(firesIn(Schedule.parse("monthly on 31 at 02:30", BERLIN), year), BERLIN).stream()
              .map(LocalDateTime::toLocalDate)
              .toList();

      assertThat(fires)
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, 12)
                  .mapToObj(month -> Year.of(year).atMonth(month).atEndOfMonth())
                  .toList());
    }
  }

  @Test
  void leapDayCronFiresOnlyInLeapYears() {
    Schedule schedule = Schedule.parse("cron 0 0 29 2 *");
    List<Instant> fires =
        firesBetween(
            schedule, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2037-01-01T00:00:00Z"));

    assertThat(fires)
        .containsExactly(
            Instant.parse("2028-02-29T00:00:00Z"),
            Instant.parse("2032-02-29T00:00:00Z"),
            Instant.parse("2036-02-29T00:00:00Z"));
  }

  @Test
  void relativeDailyKeepsItsLocalTimeAllYear() {
    Schedule schedule = Schedule.parse("daily", BERLIN);
    Instant first = ZonedDateTime.of(2026, 1, 1, 3, 0, 0, 0, BERLIN).toInstant();

    List<Instant> fires = new ArrayList<>(List.of(first));
    while (fires.size() < 366) {
      fires.add(schedule.nextFireAfter(fires.get(fires.size() - 1)).orElseThrow());
    }

    assertThat(local(fires, BERLIN))
        .allSatisfy(fire -> assertThat(fire.toLocalTime()).isEqualTo(LocalTime.of(3, 0)))
        .last()
        .isEqualTo(LocalDateTime.parse("2027-01-01T03:00"));
  }

  @Test
  void relativeWeeklyAndMonthlyAddCalendarWeeksAndMonths() {
    Instant start = ZonedDateTime.of(2028, 1, 31, 3, 0, 0, 0, BERLIN).toInstant();

    assertThat(local(Schedule.parse("weekly", BERLIN).preview(start, 3), BERLIN))
        .containsExactly(
            LocalDateTime.parse("2028-01-31T03:00"),
            LocalDateTime.parse("2028-02-07T03:00"),
            LocalDateTime.parse("2028-02-14T03:00"));
    // Like the original NextRunTime, each month is added to the previous fire, so once a short
    // month has clamped the day it stays clamped; "monthly on 31 at HH:MM" keeps the day.
    assertThat(local(Schedule.parse("monthly", BERLIN).preview(start, 4), BERLIN))
        .containsExactly(
            LocalDateTime.parse("2028-01-31T03:00"),
            LocalDateTime.parse("2028-02-29T03:00"),
            LocalDateTime.parse("2028-03-29T03:00"),
            LocalDateTime.parse("2028-04-29T03:00"));
  }
}
