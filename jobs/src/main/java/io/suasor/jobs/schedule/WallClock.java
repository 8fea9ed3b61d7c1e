package io.suasor.jobs.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * Turns a sequence of wall-clock date-times into fire instants in a time zone, deciding what
 * happens when daylight saving skips or repeats wall-clock times.
 *
 * <p>Both rules search in local date-times and resolve them here instead of asking a library to
 * step through a zone: cron-utils, for one, drops the whole day of a spring-forward gap for {@code
 * 30 2 * * *}.
 */
final class WallClock {
  /** The matching wall-clock times strictly after a given one, in ascending order. */
  @FunctionalInterface
  interface LocalSequence {
    Optional<LocalDateTime> nextAfter(LocalDateTime after);
  }

  /**
   * Bounds every search; far more than one gap's worth of minute-by-minute candidates, so reaching
   * it means the sequence never produces an instant after {@code previous}.
   */
  private static final int MAX_STEPS = 10_000;

  private WallClock() {}

  /**
   * The first instant strictly after {@code previous} at which a wall-clock time of the sequence
   * happens, each wall-clock time firing once: a time skipped by a spring-forward gap fires at the
   * instant the gap shifts it to (02:30 becomes 03:30 summer time), a time repeated by a fall-back
   * overlap fires at its earlier offset only.
   */
  static Optional<Instant> oncePerWallClockTime(
      LocalSequence sequence, ZoneId zone, Instant previous) {
    LocalDateTime from = LocalDateTime.ofInstant(previous, zone);
    ZoneOffsetTransition last = zone.getRules().previousTransition(previous.plusNanos(1));
    if (last != null
        && last.isGap()
        && previous.isBefore(last.getInstant().plus(last.getDuration()))) {
      // Just after a gap, times inside the gap fire at shifted instants later than `previous`
      // although their wall-clock time is earlier than its own; search from early enough to see
      // them.
      from = from.minus(last.getDuration());
    }
    Instant best = null;
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<LocalDateTime> next = sequence.nextAfter(from);
      if (next.isEmpty()) {
        break;
      }
      LocalDateTime local = next.get();
      // ZonedDateTime.of shifts a time in a gap forward by the gap's length and picks the earlier
      // offset in an overlap: exactly the rule documented above.
      ZonedDateTime resolved = ZonedDateTime.of(local, zone);
      Instant fire = resolved.toInstant();
      if (fire.isAfter(previous) && (best == null || fire.isBefore(best))) {
        best = fire;
      }
      boolean shiftedByGap = !resolved.toLocalDateTime().equals(local);
      if (!shiftedByGap && fire.isAfter(previous)) {
        // Unshifted times resolve to ascending instants and shifted ones only precede them, so
        // nothing later in the sequence can fire earlier.
        break;
      }
      from = local;
    }
    return Optional.ofNullable(best);
  }

  /**
   * The first real instant strictly after {@code previous} whose wall-clock time, read at that
   * instant's own offset, is in the sequence. Times skipped by a gap never happen, so they do not
   * fire; times repeated by an overlap happen twice, so they fire twice.
   */
  static Optional<Instant> everyRealInstant(LocalSequence sequence, ZoneId zone, Instant previous) {
    ZoneRules rules = zone.getRules();
    Instant segmentStart = previous;
    LocalDateTime from = LocalDateTime.ofInstant(previous, zone);
    for (int step = 0; step < MAX_STEPS; step++) {
      // Between two transitions the offset is fixed, so wall-clock time maps to instants 1:1.
      ZoneOffset offset = rules.getOffset(segmentStart);
      ZoneOffsetTransition end = rules.nextTransition(segmentStart);
      Optional<LocalDateTime> next = sequence.nextAfter(from);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      Instant fire = next.get().toInstant(offset);
      if (end == null || fire.isBefore(end.getInstant())) {
        return Optional.of(fire);
      }
      segmentStart = end.getInstant();
      from = end.getDateTimeAfter().minusNanos(1);
    }
    return Optional.empty();
  }
}
