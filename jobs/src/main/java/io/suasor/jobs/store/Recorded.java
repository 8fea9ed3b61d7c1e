package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import java.util.Map;

/**
 * What one write of starts and ends recorded, by run id: the held runs started (as they are now,
 * running), and the runs ended. A run missing from both was no longer its node's to write.
 */
public record Recorded(Map<Long, JobRun> started, Map<Long, Finished> ended) {
  public static final Recorded NOTHING = new Recorded(Map.of(), Map.of());
}
