package io.suasor.jobs.service;

import java.util.List;

/**
 * What {@code syncDatabaseJobs} did: schedules it created for jobs that had none, schedules it left
 * as people edited them, and stored schedules whose job is not registered on this node.
 */
public record SyncReport(List<String> created, List<String> kept, List<String> unregistered) {
  public SyncReport {
    created = List.copyOf(created);
    kept = List.copyOf(kept);
    unregistered = List.copyOf(unregistered);
  }
}
