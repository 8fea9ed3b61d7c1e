package io.suasor.jobs.store;

import java.time.Instant;

/**
 * When work next comes due: the earliest next run time of an enabled schedule, and the earliest run
 * time of a pending run; each null when there is none.
 */
public record DueTimes(Instant schedules, Instant runs) {
  /** The earlier of the two, or {@link Instant#MAX} when nothing is due ever. */
  public Instant earliest() {
    Instant first = schedules == null ? Instant.MAX : schedules;
    return runs != null && runs.isBefore(first) ? runs : first;
  }
}
