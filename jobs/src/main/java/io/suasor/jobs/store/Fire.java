package io.suasor.jobs.store;

import io.suasor.jobs.model.NewRun;
import java.time.Instant;
import java.util.List;

/**
 * One firing of a schedule: move its next run time from {@code expectedNextRunTime} to {@code
 * newNextRunTime} and insert the runs of the instants that came due, in one transaction. When
 * another node fired first the schedule no longer shows {@code expectedNextRunTime} and nothing is
 * written.
 */
public record Fire(
    long scheduleId,
    Instant expectedNextRunTime,
    Instant newNextRunTime,
    Instant lastRunTime,
    List<NewRun> runs,
    Instant now) {
  public Fire {
    runs = List.copyOf(runs);
  }
}
