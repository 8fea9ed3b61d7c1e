package io.suasor.media.maintenance;

import java.util.List;
import java.util.Map;

/**
 * What a database maintenance did: rows pruned, and the database's own figures (pages reclaimed,
 * problems found) under their statistic names.
 */
public record MaintenanceReport(
    long runsPruned,
    long notificationsPruned,
    long recommendationsPruned,
    long tokensPruned,
    Map<String, Long> database,
    List<String> problems) {

  public MaintenanceReport {
    database = Map.copyOf(database);
    problems = List.copyOf(problems);
  }

  public long pruned() {
    return runsPruned + notificationsPruned + recommendationsPruned + tokensPruned;
  }
}
