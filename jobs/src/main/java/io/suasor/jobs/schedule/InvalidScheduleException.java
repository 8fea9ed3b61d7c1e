package io.suasor.jobs.schedule;

import io.suasor.jobs.JobsException;
import java.util.Optional;

/**
 * A schedule text that cannot be read, or a schedule built with values it cannot hold. The message
 * quotes the text, says what is wrong where that is known and lists {@link
 * Schedule#ACCEPTED_FORMS}, so an API can hand it to the user unchanged.
 */
public class InvalidScheduleException extends JobsException {
  private final String scheduleText;
  private final String reason;

  private InvalidScheduleException(String message, String scheduleText, String reason) {
    super(message);
    this.scheduleText = scheduleText;
    this.reason = reason;
  }

  /**
   * A text that is not a schedule.
   *
   * @param text the text as given, or null when none was given
   * @param reason what is wrong with it, or null when it matches no accepted form at all
   */
  public static InvalidScheduleException unreadable(String text, String reason) {
    String quoted = text == null ? "" : " '" + text + "'";
    String why = reason == null ? "" : reason + "; ";
    return new InvalidScheduleException(
        "cannot read schedule"
            + quoted
            + ": "
            + why
            + "accepted forms are "
            + Schedule.ACCEPTED_FORMS,
        text,
        reason);
  }

  /** A schedule value built in code with a component it cannot hold, e.g. a zero interval. */
  static InvalidScheduleException invalid(String reason) {
    return new InvalidScheduleException("invalid schedule: " + reason, null, reason);
  }

  /** The text that could not be read; null for a schedule built in code. */
  public String scheduleText() {
    return scheduleText;
  }

  /** What is wrong, when it can be told more precisely than "not an accepted form". */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }
}
