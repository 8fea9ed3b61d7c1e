package io.suasor.jobs.engine;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.LogLine;
import io.suasor.jobs.store.NodeInfo;
import io.suasor.jobs.store.ProgressSnapshot;
import io.suasor.jobs.store.RunningRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches this node's running runs: writes their progress in batches, stamps their heartbeat (and
 * that of the runs it holds for its workers) and the node's, hands them cancellation requests from
 * the database, asks runs past their timeout to stop, and interrupts runs that ignore a stop past
 * the cancel grace. The runs of other nodes are the {@link DeadRunReaper}'s.
 */
final class RunWatchdog {
  private static final Logger log = LoggerFactory.getLogger(RunWatchdog.class);

  private final JobRepository repository;
  private final EngineSettings settings;
  private final JobListener listener;
  private final ActiveRuns active;
  private Instant lastHeartbeat = Instant.MIN;
  private volatile boolean nodeRegistered;

  RunWatchdog(EngineContext context, ActiveRuns active) {
    this.repository = context.repository();
    this.settings = context.settings();
    this.listener = context.listener();
    this.active = active;
  }

  /** One pass over every duty that is due at {@code now}. */
  void watch(Instant now) {
    flushProgress(now, false);
    enforceTimeouts(now);
    interruptIgnoredStops(now);
    if (!now.isBefore(lastHeartbeat.plus(settings.heartbeatInterval()))) {
      lastHeartbeat = now;
      heartbeat(now);
    }
  }

  /** When {@link #watch} next has something to do, given what runs on this node now. */
  Instant nextDuty(Instant now) {
    Instant next = lastHeartbeat.plus(settings.heartbeatInterval());
    if (!active.running().isEmpty()) {
      Instant flush = now.plus(settings.progressFlushInterval());
      if (flush.isBefore(next)) {
        next = flush;
      }
    }
    return next;
  }

  /** Registers this node; heartbeats then keep its registration fresh. */
  void registerNode(NodeInfo node, Instant now) {
    repository.registerNode(node, now.minus(settings.deadRunThreshold()));
    nodeRegistered = true;
  }

  void unregisterNode() {
    if (nodeRegistered) {
      nodeRegistered = false;
      repository.removeNode(settings.nodeId());
    }
  }

  /** Writes the progress of runs that changed since their last write, at most once per interval. */
  void flushProgress(Instant now, boolean force) {
    for (RunContext context : active.running()) {
      boolean due = !now.isBefore(context.lastFlush().plus(settings.progressFlushInterval()));
      if (context.isDirty() && (force || due)) {
        flush(context, now);
      }
    }
  }

  private void flush(RunContext context, Instant now) {
    ProgressSnapshot snapshot = context.snapshot();
    try {
      List<LogLine> lines = context.logBuffer().drain();
      if (!lines.isEmpty()) {
        repository.appendLogs(context.runId(), lines);
      }
      Optional<Boolean> cancel =
          repository.flushProgress(context.runId(), settings.nodeId(), snapshot, now);
      context.flushedAt(now);
      if (cancel.isEmpty()) {
        log.warn(
            "run {} of '{}' is no longer owned by node {}; stopping it",
            context.runId(),
            context.jobName(),
            settings.nodeId());
        context.requestStop(RunContext.StopReason.CANCELLED, now);
        return;
      }
      if (cancel.get()) {
        context.requestStop(RunContext.StopReason.CANCELLED, now);
      }
      listener.onEvent(new JobEvent.RunProgress(context.runId(), context.jobName(), snapshot));
    } catch (RuntimeException e) {
      context.markDirty();
      throw e;
    }
  }

  private void enforceTimeouts(Instant now) {
    for (RunContext context : active.running()) {
      Instant deadline = context.deadline();
      if (deadline != null && !now.isBefore(deadline) && context.stopReason() == null) {
        context.logBuffer().warn("timed out; asking the job to stop");
        context.requestStop(RunContext.StopReason.TIMED_OUT, now);
      }
    }
  }

  private void interruptIgnoredStops(Instant now) {
    for (RunContext context : active.running()) {
      Instant asked = context.stopRequestedAt();
      if (asked != null && !now.isBefore(asked.plus(settings.cancelGrace()))) {
        context.interrupt();
      }
    }
  }

  /** Stamps this node's running runs alive and hands them any cancellation request. */
  void heartbeat(Instant now) {
    if (nodeRegistered && !repository.heartbeatNode(settings.nodeId(), now)) {
      log.warn("node {} was taken for dead by another node and registers again", settings.nodeId());
      repository.registerNode(
          new NodeInfo(settings.nodeId(), NodeIdentity.host(), NodeIdentity.pid(), now, now),
          now.minus(settings.deadRunThreshold()));
    }
    if (active.running().isEmpty()) {
      return;
    }
    for (RunningRun running : repository.heartbeat(settings.nodeId(), now)) {
      if (running.cancelRequested()) {
        active
            .find(running.runId())
            .ifPresent(c -> c.requestStop(RunContext.StopReason.CANCELLED, now));
      }
    }
    // Runs claimed ahead are pending until a worker takes them; only those still queued here are
    // stamped, so that a run this node lost track of is given back by the dead-run reaper.
    List<Long> queued =
        active.running().stream().filter(RunContext::isQueued).map(RunContext::runId).toList();
    if (!queued.isEmpty()) {
      repository.stampHeldRuns(settings.nodeId(), queued, now);
    }
  }
}
