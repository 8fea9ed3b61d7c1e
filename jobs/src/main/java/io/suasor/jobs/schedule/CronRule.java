package io.suasor.jobs.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed standard Unix cron expression (minute hour day-of-month month day-of-week) and the rule
 * for turning it into instants in a zone.
 *
 * <p>cron-utils matches the fields, but only ever in UTC, where no wall-clock time is skipped or
 * repeated; {@link WallClock} then places the matches in the schedule's zone. Daylight saving
 * follows Vixie cron: an expression whose hour field is {@code *} runs in real time (every real
 * hour of a fall-back overlap fires, the hour skipped by a spring-forward gap does not), any other
 * expression fires once per matching wall-clock time (a skipped time fires at the instant the gap
 * shifts it to, a repeated one at its earlier offset).
 */
final class CronRule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** The common nicknames, spelled out as the five fields they stand for. */
  private static final Map<String, String> ALIASES =
      Map.of(
          "@hourly", "0 * * * *",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@weekly", "0 0 * * 0",
          "@monthly", "0 0 1 * *",
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *");

  private static final Instant VALIDITY_PROBE = Instant.parse("2000-01-01T00:00:00Z");

  private final ExecutionTime executionTime;
  private final boolean realTime;

  private CronRule(ExecutionTime executionTime, boolean realTime) {
    this.executionTime = executionTime;
    this.realTime = realTime;
  }

  /**
   * Lower-cases, collapses white space and expands a nickname such as {@code @daily}; the result is
   * the canonical expression (not yet validated).
   */
  static String normalize(String expression) {
    String words = expression.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return ALIASES.getOrDefault(words, words);
  }

  /** Whether {@code word} is a nickname such as {@code @daily}. */
  static boolean isAlias(String word) {
    return ALIASES.containsKey(word);
  }

  /**
   * Parses a normalized expression.
   *
   * @throws InvalidScheduleException with cron-utils' reason when the expression is malformed, or
   *     when it can never match (such as February 30th)
   */
  static CronRule parse(String expression) {
    String[] fields = expression.isEmpty() ? new String[0] : expression.split(" ");
    if (fields.length != 5) {
      throw InvalidScheduleException.invalid(
          "a cron expression has 5 fields (minute hour day-of-month month day-of-week), '"
              + expression
              + "' has "
              + fields.length);
    }
    com.cronutils.model.Cron cron;
    try {
      cron = PARSER.parse(expression);
    } catch (IllegalArgumentException e) {
      String detail = e.getMessage().replaceFirst("^Failed to parse cron expression\\. ", "");
      throw InvalidScheduleException.invalid(
          "invalid cron expression '" + expression + "' (" + detail + ")");
    }
    boolean realTime = cron.retrieve(CronFieldName.HOUR).getExpression() instanceof Always;
    CronRule rule = new CronRule(ExecutionTime.forCron(cron), realTime);
    if (rule.nextLocal(LocalDateTime.ofInstant(VALIDITY_PROBE, ZoneOffset.UTC)).isEmpty()) {
      throw InvalidScheduleException.invalid(
          "cron expression '" + expression + "' never fires (no date matches it)");
    }
    return rule;
  }

  /** The first instant strictly after {@code previous} that the expression fires at in zone. */
  Optional<Instant> nextAfter(Instant previous, ZoneId zone) {
    return realTime
        ? WallClock.everyRealInstant(this::nextLocal, zone, previous)
        : WallClock.oncePerWallClockTime(this::nextLocal, zone, previous);
  }

  private Optional<LocalDateTime> nextLocal(LocalDateTime after) {
    return executionTime
        .nextExecution(after.atZone(ZoneOffset.UTC))
        .map(ZonedDateTime::toLocalDateTime);
  }
}
