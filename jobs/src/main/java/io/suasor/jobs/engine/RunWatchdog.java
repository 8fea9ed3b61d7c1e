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
import java.util.Set;
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
      if (context.hold().heldInDatabase() || context.hold().wasRefused()) {
        // Not running in the database yet (its start is written with the next batch), or not
        // this node's: its progress goes with its end.
        continue;
      }
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
    // Runs claimed ahead are pending until their start is written; those the node holds are
    // stamped, so that a run it lost track of is given back by the dead-run reaper. One still
    // queued after the stamp that the database no longer holds (cancelled, given back) is marked
    // so that no worker starts it; a start already handed over is refused by the database.
    List<RunContext> held =
        active.running().stream().filter(c -> c.hold().heldInDatabase()).toList();
    if (!held.isEmpty()) {
      Set<Long> still =
          Set.copyOf(
              repository.stampHeldRuns(
                  settings.nodeId(), held.stream().map(RunContext::runId).toList(), now));
      for (RunContext context : held) {
        if (!still.contains(context.runId()) && context.hold().isQueued()) {
          context.requestStop(RunContext.StopReason.CANCELLED, now);
        }
      }
    }
  }
}
