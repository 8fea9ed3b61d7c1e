package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.store.JobRepository;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails the runs of nodes that stopped heartbeating, through the {@link RunFinisher} (which retries
 * them by their job's policy), gives back the runs such nodes held without starting, and forgets
 * the registrations of nodes silent for long.
 */
final class DeadRunReaper {
  private static final Logger log = LoggerFactory.getLogger(DeadRunReaper.class);
  private static final int REAP_BATCH = 100;

  private final JobRepository repository;
  private final EngineSettings settings;
  private final RunFinisher finisher;
  private Instant lastReap = Instant.MIN;
  private Instant lastForget = Instant.MIN;

  DeadRunReaper(EngineContext context, RunFinisher finisher) {
    this.repository = context.repository();
    this.settings = context.settings();
    this.finisher = finisher;
  }

  /** Reaps once per heartbeat interval, and forgets silent nodes once per dead-run threshold. */
  void reapIfDue(Instant now) {
    if (!now.isBefore(lastReap.plus(settings.heartbeatInterval()))) {
      lastReap = now;
      reap(now);
    }
    if (!now.isBefore(lastForget.plus(settings.deadRunThreshold()))) {
      lastForget = now;
      repository.forgetSilentNodes(now.minus(settings.deadRunThreshold()));
    }
  }

  /** When {@link #reapIfDue} next has something to do. */
  Instant nextDuty() {
    return lastReap.plus(settings.heartbeatInterval());
  }

  /** Fails the runs whose node has not heartbeated within the dead-run threshold. */
  void reap(Instant now) {
    Instant silentSince = now.minus(settings.deadRunThreshold());
    for (JobRun run : repository.findDeadRuns(silentSince, REAP_BATCH)) {
      if (run.status() == JobStatus.PENDING) {
        // Held by the silent node and never started there (its start would have made it
        // running): claimable again as it was, without using an attempt.
        if (repository.releaseHeldRuns(run.nodeId(), List.of(run.id()), now) > 0) {
          log.info(
              "gave back run {} of '{}', held by silent node {}",
              run.id(),
              run.jobName(),
              run.nodeId());
        }
        continue;
      }
      String message =
          "node "
              + run.nodeId()
              + " stopped heartbeating (last at "
              + run.heartbeatAt()
              + "); the run was failed by node "
              + settings.nodeId();
      finisher.reap(run, new RunOutcome.Lost(run.nodeId(), silentSince, message));
    }
  }
}
