package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes claimed runs on the worker pool and tells the {@link RunFinisher} how each ended.
 * Nothing a job does — throw, throw an {@link Error}, ignore cancellation — escapes a worker: the
 * run ends as failed with the reason, and the pool goes on.
 */
final class RunExecutor {
  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  private final JobRegistry registry;
  private final EngineSettings settings;
  private final Clock clock;
  private final ExecutorService workers;
  private final ActiveRuns active;
  private final RunFinisher finisher;
  private final Semaphore slots;
  private final ClaimRoom room;
  private final JobRepository repository;
  private final RunStarter starter;

  RunExecutor(
      EngineContext context, ExecutorService workers, ActiveRuns active, RunFinisher finisher) {
    this.registry = context.registry();
    this.settings = context.settings();
    this.clock = context.clock();
    this.workers = workers;
    this.active = active;
    this.finisher = finisher;
    // The pool may be larger (an application's executor, virtual threads): jobs still run at most
    // workerThreads at once.
    this.slots = new Semaphore(settings.workerThreads());
    this.room = new ClaimRoom(settings.workerThreads(), active::held);
    this.repository = context.repository();
    this.starter = new RunStarter(context, finisher);
  }

  /** How many runs this node can take, and of which jobs. */
  ClaimRoom room() {
    return room;
  }

  /**
   * Starts a claimed run (one that this node now owns in the database) on a worker, or, while all
   * are busy, queues it for the next free one. A run claimed ahead is still pending, held by this
   * node: a worker that takes it begins it at once, and {@link RunStarter} has its start written.
   */
  void start(JobRun run) {
    Duration timeout = run.timeoutMillis() == null ? null : Duration.ofMillis(run.timeoutMillis());
    RunContext context = new RunContext(run, clock, timeout, settings.logLinesPerRun());
    active.add(context);
    Optional<Job> job = registry.find(run.jobName());
    if (job.isEmpty()) {
      String error =
          "job '"
              + run.jobName()
              + "' is not registered on node "
              + settings.nodeId()
              + "; register it or delete its schedule";
      refuse(context, error);
      return;
    }
    try {
      workers.execute(() -> execute(context, job.get()));
    } catch (RejectedExecutionException e) {
      refuse(context, "the worker pool refused the run: " + e.getMessage());
    }
  }

  /** A run this node cannot execute fails; one it only holds is given back to another node. */
  private void refuse(RunContext context, String error) {
    if (context.isHeld()) {
      giveBack(List.of(context));
    } else {
      finisher.finish(context, new RunOutcome.Failed(error, false));
    }
  }

  private void execute(RunContext context, Job job) {
    if (active.find(context.runId()).orElse(null) != context) {
      // Ended while it waited for a worker (its node stopped it at shutdown): nothing to run.
      return;
    }
    MDC.put("job", context.jobName());
    MDC.put("run", String.valueOf(context.runId()));
    context.bind(Thread.currentThread());
    try {
      slots.acquire();
      try {
        if (take(context)) {
          finisher.finish(context, outcomeOf(context, work(context, job)));
        }
      } finally {
        slots.release();
      }
    } catch (Throwable failure) {
      if (context.hold().isQueued()) {
        // Interrupted before it could start: it is still held pending; give it back.
        giveBack(List.of(context));
      } else {
        finisher.finish(context, outcomeOf(context, failure));
      }
    } finally {
      context.unbind();
      MDC.remove("job");
      MDC.remove("run");
      if (Thread.interrupted()) {
        log.debug("cleared the interrupt of run {} before returning its worker", context.runId());
      }
    }
  }

  /**
   * Takes a run for its worker and starts it; false when it must be skipped: a held run that the
   * node gave back, that was cancelled while it waited, or whose start was refused at once.
   */
  private boolean take(RunContext context) {
    if (context.isHeld() && context.isCancelled()) {
      // Cancelled (or found given back) while it waited: it never runs, and nothing is written.
      giveBack(List.of(context));
      return false;
    }
    if (context.isHeld() && !context.hold().take()) {
      return false;
    }
    context.began(clock.instant());
    if (!starter.start(context)) {
      finisher.finish(context, new RunOutcome.Cancelled());
      return false;
    }
    return true;
  }

  /** Gives back held runs that no worker took: they are pending again, claimable by any node. */
  void giveBack(Collection<RunContext> queued) {
    List<RunContext> left = new ArrayList<>();
    for (RunContext context : queued) {
      if (context.isHeld() && context.hold().leaveQueue()) {
        left.add(context);
      }
    }
    if (left.isEmpty()) {
      return;
    }
    List<Long> ids = left.stream().map(RunContext::runId).toList();
    try {
      repository.releaseHeldRuns(settings.nodeId(), ids, clock.instant());
    } catch (RuntimeException e) {
      // Left held and no longer stamped: another node gives them back once they are stale.
      log.warn("could not give back held runs {}: {}", ids, e.getMessage());
    } finally {
      for (RunContext context : left) {
        if (active.end(context)) {
          active.release(context);
        }
      }
    }
  }

  /** Runs the job; returns what it threw, or null. */
  private Throwable work(RunContext context, Job job) {
    long began = System.nanoTime();
    try {
      context.checkCancelled();
      job.execute(context);
      return null;
    } catch (Throwable failure) {
      return failure;
    } finally {
      room.observe(context.jobName(), System.nanoTime() - began);
    }
  }

  /** How a run ended, given what its job threw (null when it returned) and why it was stopped. */
  private static RunOutcome outcomeOf(RunContext context, Throwable failure) {
    RunContext.StopReason stop = context.stopReason();
    if (stop == RunContext.StopReason.TIMED_OUT) {
      return new RunOutcome.TimedOut(timeoutMessage(context));
    }
    if (failure == null) {
      return new RunOutcome.Completed();
    }
    if (stop != null) {
      // Once asked to stop, whatever the job throws (its own cancellation, an interrupted I/O call)
      // is the stop taking effect, not a failure of its work.
      return stop == RunContext.StopReason.SHUTDOWN
          ? new RunOutcome.Stopped()
          : new RunOutcome.Cancelled();
    }
    log.warn("run {} of '{}' failed", context.runId(), context.jobName(), failure);
    context.logBuffer().error("failed: {}", describe(failure));
    return new RunOutcome.Failed(describe(failure), true);
  }

  static String describe(Throwable failure) {
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  private static String timeoutMessage(RunContext context) {
    Duration ran = Duration.between(context.startedAt(), context.stopRequestedAt());
    return "timed out after "
        + Durations.words(ran)
        + " (its timeout is "
        + Durations.words(context.timeout())
        + ")";
  }
}
