package io.suasor.jobs.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a job fires: by hand only, at a fixed interval, on the calendar at a local time, or on a
 * cron expression, always in a time zone; and, as well or instead, after each successful run of
 * another job ({@link After}).
 *
 * <p>Two families behave differently:
 *
 * <ul>
 *   <li><b>Relative</b> ({@code hourly}, {@code every 15m}, and the original {@code daily}, {@code
 *       weekly}, {@code monthly}): the next fire is counted from the previous one, and a schedule
 *       that never fired fires at once ({@code firstFireAt(now) == now}). {@link Every} adds an
 *       exact duration; relative {@link Daily}, {@link Weekly} and {@link Monthly} add a calendar
 *       day, week or month in the zone, as the original {@code Frequency.NextRunTime} did, so a
 *       daily job stays at the same local time across daylight-saving changes.
 *   <li><b>Calendar</b> ({@code daily at 03:00}, {@code weekly on mon at 02:30}, {@code monthly on
 *       31 at 04:00}, {@code cron ...}): fires at matching local times, the first one strictly
 *       after "now" (a schedule saved at exactly 03:00 first fires tomorrow), then each one
 *       strictly after the previous fire. A local time skipped by daylight saving fires once, at
 *       the instant the gap shifts it to (02:30 becomes 03:30 summer time); a local time repeated
 *       by it fires once, at the earlier offset. A monthly day past the end of a month fires on the
 *       month's last day. Cron expressions with {@code *} hours run in real time instead: see
 *       {@link Cron}.
 * </ul>
 *
 * <p>Every schedule has a canonical lower-case {@link #text()}, read back by {@link #parse(String,
 * ZoneId)}.
 */
public sealed interface Schedule
    permits Schedule.Manual,
        Schedule.Every,
        Schedule.Daily,
        Schedule.Weekly,
        Schedule.Monthly,
        Schedule.Cron,
        Schedule.After {

  /** Every text form {@link #parse(String, ZoneId)} reads, for error messages and help texts. */
  String ACCEPTED_FORMS =
      "manual, hourly, daily, weekly, monthly, every <n>s|m|h|d, daily at HH:MM,"
          + " weekly on <mon..sun> at HH:MM, monthly on <1-31> at HH:MM,"
          + " cron <minute hour day-of-month month day-of-week>, after <job>,"
          + " and any of these but manual followed by 'or after <job>'";

  /** The zone of schedules built without one. */
  ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  /** The zone whose calendar and wall clock the schedule follows. */
  ZoneId zone();

  /** Canonical text form; {@code Schedule.parse(s.text(), s.zone())} equals {@code s}. */
  String text();

  /**
   * Plain-English description for a dashboard, e.g. "every day at 03:00 (Europe/Berlin)", "every 15
   * minutes", "only when started by hand".
   */
  String describe();

  /**
   * The first fire instant of a schedule that has never fired: {@code now} itself for relative
   * schedules, the first matching instant strictly after {@code now} for calendar ones. Empty for
   * {@link Manual}.
   */
  Optional<Instant> firstFireAt(Instant now);

  /**
   * The fire instant after the previous fire instant {@code previousFire}, always strictly after
   * it. Empty for {@link Manual}.
   */
  Optional<Instant> nextFireAfter(Instant previousFire);

  /** The same schedule read in another zone. */
  Schedule withZone(ZoneId zone);

  /**
   * The job after whose every successful run this schedule fires (see {@link After}); empty for a
   * schedule that follows only the clock.
   */
  default Optional<String> afterJob() {
    return Optional.empty();
  }

  /** This schedule's clock: itself, or for {@link After} the clock it keeps besides the job. */
  default Schedule clock() {
    return this;
  }

  /**
   * This clock, and also after every successful run of {@code job}, as in {@code daily at 04:00 or
   * after system.media.sync}.
   */
  default Schedule orAfter(String job) {
    return new After(job, this);
  }

  /**
   * Up to {@code n} fire instants starting from {@code firstFireAt(now)}, for a dashboard's
   * preview.
   */
  default List<Instant> preview(Instant now, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("cannot preview " + n + " fire instants");
    }
    List<Instant> fires = new ArrayList<>(n);
    Optional<Instant> next = n == 0 ? Optional.empty() : firstFireAt(now);
    while (next.isPresent()) {
      fires.add(next.get());
      next = fires.size() < n ? nextFireAfter(next.get()) : Optional.empty();
    }
    return List.copyOf(fires);
  }

  /**
   * Reads a schedule text (case-insensitive, surrounding and repeated white space ignored).
   *
   * @throws InvalidScheduleException when the text is null, blank or not one of {@link
   *     #ACCEPTED_FORMS}; the message says what is wrong
   */
  static Schedule parse(String text, ZoneId zone) {
    return ScheduleParser.parse(text, zone);
  }

  /** Reads a schedule text in {@link #DEFAULT_ZONE}; see {@link #parse(String, ZoneId)}. */
  static Schedule parse(String text) {
    return parse(text, DEFAULT_ZONE);
  }

  /** Runs only when started by hand. */
  static Schedule manual() {
    return new Manual(DEFAULT_ZONE);
  }

  /** The original {@code daily}: one calendar day after the previous fire. */
  static Schedule daily() {
    return new Daily(null, DEFAULT_ZONE);
  }

  /** The original {@code weekly}: seven calendar days after the previous fire. */
  static Schedule weekly() {
    return new Weekly(null, null, DEFAULT_ZONE);
  }

  /** The original {@code monthly}: one calendar month after the previous fire. */
  static Schedule monthly() {
    return new Monthly(null, null, DEFAULT_ZONE);
  }

  /** One hour after the previous fire. */
  static Schedule hourly() {
    return every(Duration.ofHours(1));
  }

  /** A fixed interval after the previous fire: whole seconds, from 1 second to 365 days. */
  static Schedule every(Duration interval) {
    return new Every(interval, DEFAULT_ZONE);
  }

  /** Every day at a local time (whole minutes). */
  static Schedule dailyAt(LocalTime at) {
    return new Daily(Objects.requireNonNull(at, "at"), DEFAULT_ZONE);
  }

  /** Every week on a day at a local time (whole minutes). */
  static Schedule weeklyOn(DayOfWeek day, LocalTime at) {
    return new Weekly(Objects.requireNonNull(day, "day"), at, DEFAULT_ZONE);
  }

  /** Every month on a day (1-31, the last day in shorter months) at a local time. */
  static Schedule monthlyOn(int dayOfMonth, LocalTime at) {
    return new Monthly(dayOfMonth, Objects.requireNonNull(at, "at"), DEFAULT_ZONE);
  }

  /** A standard five-field Unix cron expression. */
  static Schedule cron(String expression) {
    return new Cron(expression, DEFAULT_ZONE);
  }

  /** Only after every successful run of {@code job} (and when started by hand). */
  static Schedule after(String job) {
    return new After(job, manual());
  }

  /** Never fires on its own; a person starts each run. */
  record Manual(ZoneId zone) implements Schedule {
    public Manual {
      Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String text() {
      return "manual";
    }

    @Override
    public String describe() {
      return "only when started by hand";
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      return Optional.empty();
    }

    @Override
    public Manual withZone(ZoneId zone) {
      return new Manual(zone);
    }
  }

  /**
   * A fixed interval on the time line: {@code every 1d} is always 24 hours, so unlike {@code daily}
   * its local time moves when daylight saving changes. The zone only travels along.
   */
  record Every(Duration interval, ZoneId zone) implements Schedule {
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofDays(365);

    public Every {
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(zone, "zone");
      if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
        throw InvalidScheduleException.invalid(
            "the interval must be between 1 second and 365 days, not " + interval);
      }
      if (interval.getNano() != 0) {
        throw InvalidScheduleException.invalid(
            "the interval must be whole seconds, not " + interval);
      }
    }

    @Override
    public String text() {
      return interval.equals(Duration.ofHours(1))
          ? "hourly"
          : "every " + IntervalUnit.format(interval);
    }

    @Override
    public String describe() {
      return "every " + IntervalUnit.describe(interval);
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return Optional.of(now);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      return Optional.of(previousFire.plus(interval));
    }

    @Override
    public Every withZone(ZoneId zone) {
      return new Every(interval, zone);
    }
  }

  /**
   * Every day: at a local time, or, with {@code at == null}, the original relative {@code daily}
   * (one calendar day after the previous fire).
   */
  record Daily(LocalTime at, ZoneId zone) implements Schedule {
    public Daily {
      Objects.requireNonNull(zone, "zone");
      CalendarRules.requireWholeMinutes(at);
    }

    @Override
    public String text() {
      return at == null ? "daily" : "daily at " + at;
    }

    @Override
    public String describe() {
      return at == null
          ? "once a day, one day after the previous run (" + zone.getId() + ")"
          : "every day at " + at + " (" + zone.getId() + ")";
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return at == null ? Optional.of(now) : nextFireAfter(now);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      if (at == null) {
        return Optional.of(previousFire.atZone(zone).plusDays(1).toInstant());
      }
      return WallClock.oncePerWallClockTime(
          after -> Optional.of(CalendarRules.nextDaily(after, at)), zone, previousFire);
    }

    @Override
    public Daily withZone(ZoneId zone) {
      return new Daily(at, zone);
    }
  }

  /**
   * Every week: on a day at a local time, or, with both {@code null}, the original relative {@code
   * weekly} (seven calendar days after the previous fire).
   */
  record Weekly(DayOfWeek day, LocalTime at, ZoneId zone) implements Schedule {
    public Weekly {
      Objects.requireNonNull(zone, "zone");
      if ((day == null) != (at == null)) {
        throw InvalidScheduleException.invalid(
            "a weekly schedule needs both a day and a time, or neither");
      }
      CalendarRules.requireWholeMinutes(at);
    }

    @Override
    public String text() {
      return day == null ? "weekly" : "weekly on " + ScheduleParser.shortName(day) + " at " + at;
    }

    @Override
    public String describe() {
      return day == null
          ? "once a week, seven days after the previous run (" + zone.getId() + ")"
          : "every "
              + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
              + " at "
              + at
              + " ("
              + zone.getId()
              + ")";
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return day == null ? Optional.of(now) : nextFireAfter(now);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      if (day == null) {
        return Optional.of(previousFire.atZone(zone).plusWeeks(1).toInstant());
      }
      return WallClock.oncePerWallClockTime(
          after -> Optional.of(CalendarRules.nextWeekly(after, day, at)), zone, previousFire);
    }

    @Override
    public Weekly withZone(ZoneId zone) {
      return new Weekly(day, at, zone);
    }
  }

  /**
   * Every month: on a day (1-31) at a local time, or, with both {@code null}, the original relative
   * {@code monthly} (one calendar month after the previous fire; Jan 31 is followed by Feb 28 or
   * 29). A day past the end of a month fires on that month's last day.
   */
  record Monthly(Integer dayOfMonth, LocalTime at, ZoneId zone) implements Schedule {
    public Monthly {
      Objects.requireNonNull(zone, "zone");
      if ((dayOfMonth == null) != (at == null)) {
        throw InvalidScheduleException.invalid(
            "a monthly schedule needs both a day of the month and a time, or neither");
      }
      if (dayOfMonth != null && (dayOfMonth < 1 || dayOfMonth > 31)) {
        throw InvalidScheduleException.invalid(
            "day of month " + dayOfMonth + " is out of range (1-31)");
      }
      CalendarRules.requireWholeMinutes(at);
    }

    @Override
    public String text() {
      return dayOfMonth == null ? "monthly" : "monthly on " + dayOfMonth + " at " + at;
    }

    @Override
    public String describe() {
      if (dayOfMonth == null) {
        return "once a month, one month after the previous run (" + zone.getId() + ")";
      }
      String shorterMonths = dayOfMonth > 28 ? ", or the last day of shorter months," : "";
      return "every month on day "
          + dayOfMonth
          + shorterMonths
          + " at "
          + at
          + " ("
          + zone.getId()
          + ")";
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return dayOfMonth == null ? Optional.of(now) : nextFireAfter(now);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      if (dayOfMonth == null) {
        return Optional.of(previousFire.atZone(zone).plusMonths(1).toInstant());
      }
      return WallClock.oncePerWallClockTime(
          after -> Optional.of(CalendarRules.nextMonthly(after, dayOfMonth, at)),
          zone,
          previousFire);
    }

    @Override
    public Monthly withZone(ZoneId zone) {
      return new Monthly(dayOfMonth, at, zone);
    }
  }

  /**
   * A standard five-field Unix cron expression (minute hour day-of-month month day-of-week, names
   * such as {@code mon} and {@code jan} allowed, and the nicknames {@code @hourly}, {@code @daily},
   * {@code @weekly}, {@code @monthly}, {@code @yearly}), matched against the zone's wall clock.
   *
   * <p>Daylight saving follows Vixie cron. An expression whose hour field is {@code *} runs in real
   * time: {@code 0 * * * *} fires on every real hour, so both 02:00 CEST and 02:00 CET of a
   * fall-back night, and nothing for the hour a spring-forward gap skips. Any other expression
   * fires once per matching wall-clock time like the calendar forms: {@code 30 2 * * *} fires once
   * a day, at 03:30 summer time on the day of the gap and at 02:30 summer time on the day of the
   * overlap. The expression is stored normalized (lower case, single spaces, nicknames spelled
   * out).
   */
  record Cron(String expression, ZoneId zone) implements Schedule {
    public Cron {
      Objects.requireNonNull(expression, "expression");
      Objects.requireNonNull(zone, "zone");
      expression = CronRule.normalize(expression);
      // Parsed here only to fail early, with cron-utils' reason, rather than at the first fire.
      CronRule.parse(expression);
    }

    @Override
    public String text() {
      return "cron " + expression;
    }

    @Override
    public String describe() {
      return "on the cron schedule '" + expression + "' (" + zone.getId() + ")";
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return nextFireAfter(now);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      return CronRule.parse(expression).nextAfter(previousFire, zone);
    }

    @Override
    public Cron withZone(ZoneId zone) {
      return new Cron(expression, zone);
    }
  }

  /**
   * A chain: fires once after every successful run of {@code job}, besides its {@code clock}
   * ({@link Manual} for a schedule that follows the job only). Text: {@code after <job>}, or the
   * clock's text followed by {@code or after <job>}, as in {@code daily at 04:00 or after
   * system.media.sync}; the clock fires as it would alone. The job name keeps its case; everything
   * else is read case-insensitively. The engine gives each run of a chain the finished run's id,
   * times and statistics as its {@code after} parameter.
   */
  record After(String job, Schedule clock) implements Schedule {
    public After {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(clock, "clock");
      if (job.isBlank() || job.chars().anyMatch(Character::isWhitespace)) {
        throw InvalidScheduleException.invalid(
            "'" + job + "' is not a job name: a job name has no spaces, e.g. system.media.sync");
      }
      if (clock instanceof After) {
        throw InvalidScheduleException.invalid("a schedule follows at most one job");
      }
    }

    @Override
    public ZoneId zone() {
      return clock.zone();
    }

    @Override
    public Optional<String> afterJob() {
      return Optional.of(job);
    }

    @Override
    public String text() {
      return clock instanceof Manual ? "after " + job : clock.text() + " or after " + job;
    }

    @Override
    public String describe() {
      String chain = "after each successful run of " + job;
      return clock instanceof Manual ? chain : clock.describe() + ", and " + chain;
    }

    @Override
    public Optional<Instant> firstFireAt(Instant now) {
      return clock.firstFireAt(now);
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant previousFire) {
      return clock.nextFireAfter(previousFire);
    }

    @Override
    public After withZone(ZoneId zone) {
      return new After(job, clock.withZone(zone));
    }
  }
}
