package io.suasor.jobs.event;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.ProgressSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows the runs that other nodes and processes create and change, by reading the runs changed
 * since the last look, and turns each change into the event the engine gives its own listeners for
 * its own runs. Runs executed by this node are left out: its listeners hear of them directly.
 *
 * <p>Each look re-reads a window before the newest change it saw, so that a change is still seen
 * when its node's clock runs behind, or when it was committed a while after it was stamped (a node
 * that stalls between reading its clock and committing, under load or in a collector pause); what
 * it already reported is skipped. A change that reaches the database later than that is not
 * reported; the run routes always hold the truth.
 */
public final class RunFeed {
  /**
   * How far a change's stamp may lie behind the newest change already read, by clock skew or by a
   * late commit, and still be reported.
   */
  public static final Duration LATE_CHANGES = Duration.ofSeconds(3);

  static final int PAGE = 500;
  static final int MAX_PAGES_PER_POLL = 10;

  private record Seen(JobStatus status, Instant updatedAt) {}

  private final JobRepository repository;
  private final String localNodeId;
  private final Map<Long, Seen> seen = new HashMap<>();
  private Instant newest;

  /** A feed of the changes made after {@code from}. */
  public RunFeed(JobRepository repository, String localNodeId, Instant from) {
    this.repository = repository;
    this.localNodeId = localNodeId;
    this.newest = from;
  }

  /** The events of the changes since the last call, oldest first. */
  public synchronized List<JobEvent> poll() {
    List<JobEvent> events = new ArrayList<>();
    Instant windowStart = newest.minus(LATE_CHANGES);
    Instant after = windowStart;
    long afterId = 0;
    for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
      List<JobRun> changed = repository.findRunsChangedAfter(after, afterId, PAGE);
      for (JobRun run : changed) {
        eventOf(run).ifPresent(events::add);
        if (run.updatedAt().isAfter(newest)) {
          newest = run.updatedAt();
        }
      }
      if (changed.size() < PAGE) {
        break;
      }
      JobRun last = changed.get(changed.size() - 1);
      after = last.updatedAt();
      afterId = last.id();
    }
    seen.values().removeIf(s -> s.updatedAt().isBefore(windowStart.minus(LATE_CHANGES)));
    return events;
  }

  private Optional<JobEvent> eventOf(JobRun run) {
    if (localNodeId.equals(run.nodeId())) {
      return Optional.empty();
    }
    Seen before = seen.put(run.id(), new Seen(run.status(), run.updatedAt()));
    // Two changes within one millisecond share a stamp, so the status tells them apart too.
    if (before != null
        && before.updatedAt().equals(run.updatedAt())
        && before.status() == run.status()) {
      return Optional.empty();
    }
    JobEvent event =
        switch (run.status()) {
          case PENDING -> before == null ? new JobEvent.RunCreated(run) : null;
          case RUNNING ->
              before == null || before.status() != JobStatus.RUNNING
                  ? new JobEvent.RunStarted(run)
                  : new JobEvent.RunProgress(
                      run.id(),
                      run.jobName(),
                      new ProgressSnapshot(
                          run.progress(),
                          run.totalItems(),
                          run.processedItems(),
                          run.statusMessage(),
                          run.metadata()));
          case COMPLETED, FAILED, CANCELLED ->
              before == null || !before.status().isTerminal()
                  ? new JobEvent.RunFinished(run)
                  : null;
        };
    return Optional.ofNullable(event);
  }
}
