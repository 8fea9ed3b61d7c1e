package io.suasor.jobs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a run exists. */
public enum Trigger {
  /** A schedule's fire instant came. */
  SCHEDULE,
  /** Somebody asked for it (API, CLI, dashboard). */
  MANUAL,
  /** An earlier attempt failed and the job's retry policy allows another. */
  RETRY,
  /** The application asked for it while starting. */
  STARTUP,
  /**
   * A run of the job its schedule follows ({@code after JOB}) completed; see {@code afterRunId}.
   */
  AFTER;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Trigger fromValue(String value) {
    return Enums.parse(Trigger.class, value, "trigger");
  }
}
