package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.util.List;

/** A page of runs and the cursor of the next page, null on the last one. */
public record RunPage(List<JobRun> runs, Long nextCursor) {
  public RunPage {
    runs = List.copyOf(runs);
  }
}
