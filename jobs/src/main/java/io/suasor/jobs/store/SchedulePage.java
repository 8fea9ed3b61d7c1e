package io.suasor.jobs.store;

import io.suasor.jobs.model.JobSchedule;
import java.util.List;

/**
 * A page of schedules in name order and the cursor of the next page (the last schedule's id), null
 * on the last one.
 */
public record SchedulePage(List<JobSchedule> schedules, Long nextCursor) {
  public SchedulePage {
    schedules = List.copyOf(schedules);
  }
}
