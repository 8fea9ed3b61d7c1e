package io.suasor.jobs.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text forms of {@link Schedule}; see {@link Schedule#ACCEPTED_FORMS}. A chain is a clock
 * form and an {@code after <job>} part joined by {@code or}, in either order; the job name keeps
 * its case, the rest is read in lower case.
 */
final class ScheduleParser {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern COUNT_AND_UNIT = Pattern.compile("(-?\\d+)([a-z]*)");
  private static final Pattern DAY_OF_MONTH = Pattern.compile("(\\d{1,9})(st|nd|rd|th)?");
  private static final String EXAMPLE_JOB = "system.media.sync";

  /** Thrown inside the parser with what is wrong; {@link #parse} adds the text and the forms. */
  private static final class Unreadable extends RuntimeException {
    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }

  private final List<String> words;
  private final ZoneId zone;

  private ScheduleParser(List<String> words, ZoneId zone) {
    this.words = words;
    this.zone = zone;
  }

  static Schedule parse(String text, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (text == null) {
      throw InvalidScheduleException.unreadable(null, "no text was given");
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw InvalidScheduleException.unreadable(text, "the text is blank");
    }
    try {
      return chain(List.of(trimmed.split("\\s+")), zone);
    } catch (Unreadable e) {
      throw InvalidScheduleException.unreadable(text, e.getMessage());
    } catch (InvalidScheduleException e) {
      // A record refused a value the text named (a zero interval, a cron field out of range).
      throw InvalidScheduleException.unreadable(text, e.reason().orElse(null));
    }
  }

  /**
   * {@code after JOB}, {@code CLOCK or after JOB}, {@code after JOB or CLOCK}, or a clock alone.
   */
  private static Schedule chain(List<String> words, ZoneId zone) {
    List<Integer> afters = positions(words, "after");
    if (afters.isEmpty()) {
      if (!positions(words, "or").isEmpty()) {
        throw new Unreadable(
            "'or' joins a clock and 'after <job>', as in 'daily at 04:00 or after "
                + EXAMPLE_JOB
                + "'");
      }
      return clock(words, zone);
    }
    if (afters.size() > 1) {
      throw new Unreadable("a schedule follows at most one job; keep one 'after <job>'");
    }
    int after = afters.get(0);
    if (after + 1 >= words.size() || isKeyword(words.get(after + 1))) {
      throw new Unreadable(
          "'after' must be followed by the name of a job, as in 'after " + EXAMPLE_JOB + "'");
    }
    String job = words.get(after + 1);
    List<String> clockWords;
    if (after == 0) {
      List<String> rest = words.subList(2, words.size());
      if (!rest.isEmpty() && !isWord(rest.get(0), "or")) {
        throw new Unreadable(
            "unexpected '"
                + String.join(" ", rest)
                + "' after 'after "
                + job
                + "'; to run on a clock as well, write it as '<clock> or after "
                + job
                + "'");
      }
      clockWords = rest.isEmpty() ? rest : rest.subList(1, rest.size());
      if (!rest.isEmpty() && clockWords.isEmpty()) {
        throw new Unreadable("'or' must be followed by a clock form such as 'daily at 04:00'");
      }
    } else {
      if (after == 1 || !isWord(words.get(after - 1), "or")) {
        throw new Unreadable(
            "write 'or' between the clock and 'after "
                + job
                + "', as in 'daily at 04:00 or after "
                + job
                + "'");
      }
      if (after + 2 < words.size()) {
        throw new Unreadable(
            "unexpected '"
                + String.join(" ", words.subList(after + 2, words.size()))
                + "' after the job name '"
                + job
                + "'");
      }
      clockWords = words.subList(0, after - 1);
    }
    if (clockWords.isEmpty()) {
      return new Schedule.After(job, new Schedule.Manual(zone));
    }
    Schedule clock = clock(clockWords, zone);
    if (clock instanceof Schedule.Manual) {
      throw new Unreadable(
          "'manual' cannot be combined with 'after'; write 'after " + job + "' alone");
    }
    return new Schedule.After(job, clock);
  }

  private static Schedule clock(List<String> words, ZoneId zone) {
    List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    return new ScheduleParser(lower, zone).schedule();
  }

  private static List<Integer> positions(List<String> words, String keyword) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (isWord(words.get(i), keyword)) {
        found.add(i);
      }
    }
    return found;
  }

  private static boolean isKeyword(String word) {
    return isWord(word, "or") || isWord(word, "after");
  }

  private static boolean isWord(String word, String keyword) {
    return word.equalsIgnoreCase(keyword);
  }

  /** The canonical three-letter name of a day, as in {@code weekly on mon at 02:30}. */
  static String shortName(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  private Schedule schedule() {
    String first = words.get(0);
    return switch (first) {
      case "manual" -> end(1, new Schedule.Manual(zone));
      case "hourly" -> end(1, new Schedule.Every(Duration.ofHours(1), zone));
      case "daily" -> words.size() == 1 ? new Schedule.Daily(null, zone) : dailyAt();
      case "weekly" -> words.size() == 1 ? new Schedule.Weekly(null, null, zone) : weeklyOn();
      case "monthly" -> words.size() == 1 ? new Schedule.Monthly(null, null, zone) : monthlyOn();
      case "every" -> every();
      case "cron" -> cron();
      default -> {
        if (CronRule.isAlias(first)) {
          yield end(1, new Schedule.Cron(first, zone));
        }
        throw new Unreadable(null);
      }
    };
  }

  private Schedule dailyAt() {
    expect(1, "at", "HH:MM");
    return end(3, new Schedule.Daily(time(2), zone));
  }

  private Schedule weeklyOn() {
    expect(1, "on", "<mon..sun> at HH:MM");
    DayOfWeek day = day(2);
    expect(3, "at", "HH:MM");
    return end(5, new Schedule.Weekly(day, time(4), zone));
  }

  private Schedule monthlyOn() {
    expect(1, "on", "<1-31> at HH:MM");
    int dayOfMonth = dayOfMonth(2);
    expect(3, "at", "HH:MM");
    return end(5, new Schedule.Monthly(dayOfMonth, time(4), zone));
  }

  /** {@code every 15m}, {@code every 15 m}, {@code every 15 minutes}. */
  private Schedule every() {
    if (words.size() < 2 || words.size() > 3) {
      throw new Unreadable("'every' takes a number and a unit, as in 'every 15m'");
    }
    String joined = String.join("", words.subList(1, words.size()));
    Matcher matcher = COUNT_AND_UNIT.matcher(joined);
    if (!matcher.matches() || (words.size() == 3 && !words.get(1).matches("-?\\d+"))) {
      throw new Unreadable(
          "'" + String.join(" ", words.subList(1, words.size())) + "' is not a number and a unit");
    }
    String unitWord = matcher.group(2);
    if (unitWord.isEmpty()) {
      throw new Unreadable("the interval needs a unit: s, m, h or d");
    }
    IntervalUnit unit =
        IntervalUnit.of(unitWord)
            .orElseThrow(
                () -> new Unreadable("unknown unit '" + unitWord + "' (use s, m, h or d)"));
    Duration interval;
    try {
      interval = unit.times(Long.parseLong(matcher.group(1)));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Unreadable("the interval must be between 1 second and 365 days");
    }
    return new Schedule.Every(interval, zone);
  }

  private Schedule cron() {
    if (words.size() == 1) {
      throw new Unreadable(
          "'cron' needs an expression: minute hour day-of-month month day-of-week");
    }
    return new Schedule.Cron(String.join(" ", words.subList(1, words.size())), zone);
  }

  private LocalTime time(int index) {
    String word = word(index, "a time HH:MM");
    Matcher matcher = TIME.matcher(word);
    if (!matcher.matches()) {
      throw new Unreadable("'" + word + "' is not a time of day HH:MM");
    }
    int hour = Integer.parseInt(matcher.group(1));
    int minute = Integer.parseInt(matcher.group(2));
    if (hour > 23) {
      throw new Unreadable("hour " + hour + " is out of range (0-23)");
    }
    if (minute > 59) {
      throw new Unreadable("minute " + minute + " is out of range (0-59)");
    }
    return LocalTime.of(hour, minute);
  }

  private DayOfWeek day(int index) {
    String word = word(index, "a day <mon..sun>");
    for (DayOfWeek day : DayOfWeek.values()) {
      if (word.equals(shortName(day)) || word.equals(day.name().toLowerCase(Locale.ROOT))) {
        return day;
      }
    }
    throw new Unreadable("unknown day '" + word + "' (use mon, tue, wed, thu, fri, sat or sun)");
  }

  private int dayOfMonth(int index) {
    String word = word(index, "a day of the month <1-31>");
    Matcher matcher = DAY_OF_MONTH.matcher(word);
    if (!matcher.matches()) {
      throw new Unreadable("'" + word + "' is not a day of the month (1-31)");
    }
    int day = Integer.parseInt(matcher.group(1));
    if (day < 1 || day > 31) {
      throw new Unreadable("day of month " + day + " is out of range (1-31)");
    }
    return day;
  }

  private void expect(int index, String keyword, String followedBy) {
    String context = String.join(" ", words.subList(0, index));
    if (index >= words.size()) {
      throw new Unreadable(
          "'" + context + "' must be followed by '" + keyword + " " + followedBy + "'");
    }
    if (!words.get(index).equals(keyword)) {
      throw new Unreadable(
          "expected '"
              + keyword
              + "' after '"
              + context
              + "' but found '"
              + words.get(index)
              + "'");
    }
  }

  private String word(int index, String what) {
    if (index >= words.size()) {
      throw new Unreadable("'" + String.join(" ", words) + "' must be followed by " + what);
    }
    return words.get(index);
  }

  private Schedule end(int length, Schedule schedule) {
    if (words.size() > length) {
      throw new Unreadable(
          "unexpected '"
              + String.join(" ", words.subList(length, words.size()))
              + "' after '"
              + String.join(" ", words.subList(0, length))
              + "'");
    }
    return schedule;
  }
}
