package io.suasor.jobs.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;

/**
 * The wall-clock times of the calendar schedules, before any time zone is applied ({@link
 * WallClock} does that).
 */
final class CalendarRules {
  private CalendarRules() {}

  /** The first {@code at} of any day strictly after {@code after}. */
  static LocalDateTime nextDaily(LocalDateTime after, LocalTime at) {
    return laterOf(after, after.toLocalDate().atTime(at), 1);
  }

  /** The first {@code at} of a {@code day} strictly after {@code after}. */
  static LocalDateTime nextWeekly(LocalDateTime after, DayOfWeek day, LocalTime at) {
    LocalDateTime sameOrNext =
        after.toLocalDate().with(TemporalAdjusters.nextOrSame(day)).atTime(at);
    return laterOf(after, sameOrNext, 7);
  }

  /**
   * The first {@code at} of day {@code dayOfMonth} strictly after {@code after}, using the last day
   * of a month shorter than {@code dayOfMonth} (so 31 gives Jan 31, Feb 28, Mar 31, Apr 30).
   */
  static LocalDateTime nextMonthly(LocalDateTime after, int dayOfMonth, LocalTime at) {
    LocalDateTime thisMonth = onDayOf(YearMonth.from(after), dayOfMonth, at);
    return thisMonth.isAfter(after)
        ? thisMonth
        : onDayOf(YearMonth.from(after).plusMonths(1), dayOfMonth, at);
  }

  /** Rejects times the text form HH:MM cannot hold. */
  static void requireWholeMinutes(LocalTime at) {
    if (at != null && (at.getSecond() != 0 || at.getNano() != 0)) {
      throw InvalidScheduleException.invalid("the time must be whole minutes (HH:MM), not " + at);
    }
  }

  private static LocalDateTime onDayOf(YearMonth month, int dayOfMonth, LocalTime at) {
    return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth())).atTime(at);
  }

  private static LocalDateTime laterOf(LocalDateTime after, LocalDateTime candidate, int days) {
    return candidate.isAfter(after) ? candidate : candidate.plusDays(days);
  }
}
