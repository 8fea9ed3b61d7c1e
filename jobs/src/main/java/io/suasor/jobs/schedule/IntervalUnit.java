package io.suasor.jobs.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The units of {@code every <n><unit>}, largest last. */
enum IntervalUnit {
  SECONDS("s", "second", 1, List.of("s", "sec", "secs", "second", "seconds")),
  MINUTES("m", "minute", 60, List.of("m", "min", "mins", "minute", "minutes")),
  HOURS("h", "hour", 3_600, List.of("h", "hr", "hrs", "hour", "hours")),
  DAYS("d", "day", 86_400, List.of("d", "day", "days"));

  private final String symbol;
  private final String singular;
  private final long seconds;
  private final List<String> spellings;

  IntervalUnit(String symbol, String singular, long seconds, List<String> spellings) {
    this.symbol = symbol;
    this.singular = singular;
    this.seconds = seconds;
    this.spellings = spellings;
  }

  /** The unit a lower-case word names, such as "m", "min" or "minutes". */
  static Optional<IntervalUnit> of(String word) {
    for (IntervalUnit unit : values()) {
      if (unit.spellings.contains(word)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }

  /** {@code count} of this unit; throws ArithmeticException when that overflows. */
  Duration times(long count) {
    return Duration.ofSeconds(Math.multiplyExact(count, seconds));
  }

  /** The canonical text in the largest unit that divides the interval: "15m", not "900s". */
  static String format(Duration interval) {
    IntervalUnit unit = largestDividing(interval);
    return interval.getSeconds() / unit.seconds + unit.symbol;
  }

  /**
   * "second", "15 minutes", "2 hours"; one day reads "24 hours" so that it is not mistaken for the
   * calendar day of {@code daily}.
   */
  static String describe(Duration interval) {
    IntervalUnit unit = largestDividing(interval);
    long count = interval.getSeconds() / unit.seconds;
    if (unit == DAYS && count == 1) {
      return "24 hours";
    }
    return count == 1 ? unit.singular : count + " " + unit.singular + "s";
  }

  private static IntervalUnit largestDividing(Duration interval) {
    IntervalUnit[] units = values();
    for (int i = units.length - 1; i > 0; i--) {
      if (interval.getSeconds() % units[i].seconds == 0) {
        return units[i];
      }
    }
    return SECONDS;
  }
}
