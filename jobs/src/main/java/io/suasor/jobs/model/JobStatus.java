package io.suasor.jobs.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The status of a run, and the one state machine every write of a run's status goes through.
 *
 * <pre>
 * pending ──▶ running ──▶ completed | failed | cancelled
 *    └──────▶ cancelled | failed
 * </pre>
 *
 * Terminal states never change again: a retry is a new run, not a revived one.
 */
public enum JobStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** The statuses this status may move to. */
  public Set<JobStatus> successors() {
    return switch (this) {
      case PENDING -> EnumSet.of(RUNNING, CANCELLED, FAILED);
      case RUNNING -> EnumSet.of(COMPLETED, FAILED, CANCELLED);
      case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(JobStatus.class);
    };
  }

  public boolean canTransitionTo(JobStatus target) {
    return successors().contains(target);
  }

  /**
   * Checks a transition before it is written.
   *
   * @throws InvalidTransitionException when {@code target} may not follow this status
   */
  public JobStatus checkTransition(JobStatus target) {
    if (!canTransitionTo(target)) {
      throw new InvalidTransitionException(this, target);
    }
    return target;
  }

  public boolean isTerminal() {
    return successors().isEmpty();
  }

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static JobStatus fromValue(String value) {
    return Enums.parse(JobStatus.class, value, "status");
  }
}
