package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.Finished;
import io.suasor.jobs.store.Followers;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.LogLine;
import io.suasor.jobs.store.ProgressSnapshot;
import io.suasor.jobs.store.Reap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run ends, in one place: whatever ended it (see {@link RunOutcome}), this plans its retry,
 * writes its end fenced by ownership (a run another node reaped is not overwritten) with the retry
 * in the same transaction, frees its place, and alone publishes {@link JobEvent.RunFinished} and
 * the {@link JobEvent.RunCreated} of its retry and of the runs of the chains that follow it.
 *
 * <p>While the engine's loop runs, an end without a retry goes to the {@link CompletionBatcher},
 * which writes the ends of runs that finish together in one statement; the worker goes on at once
 * and the run keeps its place until the write is done. Any other end is written here, retried with
 * backoff while the database is away, for up to {@link #RETRY_LIMIT}.
 */
final class RunFinisher {
  private static final Logger log = LoggerFactory.getLogger(RunFinisher.class);

  /** How long an ended run keeps trying to record its end while the database is away. */
  static final Duration RETRY_LIMIT = Duration.ofMinutes(5);

  private final JobRepository repository;
  private final JobRegistry registry;
  private final EngineSettings settings;
  private final Clock clock;
  private final JobListener listener;
  private final RandomGenerator random;
  private final ActiveRuns active;
  private final Followers followers;
  private volatile CompletionBatcher batcher;

  RunFinisher(EngineContext context, ActiveRuns active) {
    this.repository = context.repository();
    this.registry = context.registry();
    this.settings = context.settings();
    this.clock = context.clock();
    this.listener = context.listener();
    this.random = context.random();
    this.active = active;
    this.followers = new ScheduledRuns(registry);
  }

  /**
   * Ends a run this node holds. Only the first ending of a run counts: a worker whose run the node
   * already stopped at shutdown, for one, records nothing.
   */
  void finish(RunContext run, RunOutcome outcome) {
    if (!active.end(run)) {
      return;
    }
    boolean queued = false;
    try {
      if (run.hold().wasRefused()) {
        return;
      }
      Instant now = clock.instant();
      ProgressSnapshot progress = run.snapshot(outcome instanceof RunOutcome.Completed);
      Optional<Job> job = outcome.retried() ? registry.find(run.jobName()) : Optional.empty();
      queued = job.isEmpty() && queue(run, outcome, progress, now);
      if (!queued) {
        write(run, outcome, progress, job.orElse(null), now);
      }
    } finally {
      if (!queued) {
        active.release(run);
      }
    }
  }

  /** Hands an end without a retry to the completion writer; false when it must be written here. */
  private boolean queue(RunContext run, RunOutcome outcome, ProgressSnapshot p, Instant now) {
    CompletionBatcher current = batcher;
    if (current == null || !current.isRunning()) {
      return false;
    }
    try {
      appendLogs(run);
    } catch (RuntimeException e) {
      // The database is away: the end is written below, retried with backoff.
      return false;
    }
    return current.submit(
        completion(run, outcome, p, null, now),
        run,
        ended -> {
          try {
            announce(run, outcome, ended);
          } finally {
            active.release(run);
          }
        },
        failure -> active.release(run));
  }

  private void write(RunContext run, RunOutcome outcome, ProgressSnapshot p, Job job, Instant now) {
    if (!startWritten(run)) {
      return;
    }
    long deadline = System.nanoTime() + RETRY_LIMIT.toNanos();
    OutageLog outage = new OutageLog(log, "recording the end of run " + run.runId());
    NewRun retry = null;
    boolean planned = job == null;
    while (true) {
      try {
        if (!planned) {
          retry = retryOf(run.run(), job, now);
          planned = true;
        }
        appendLogs(run);
        Optional<Finished> finished =
            repository.finishRun(completion(run, outcome, p, retry, now), followers);
        outage.recovered();
        announce(run, outcome, finished);
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
          log.error(
              "gave up recording the end of run {} ({}); it will be reaped and retried by its"
                  + " policy once the database answers",
              run.runId(),
              outcome.status().value(),
              e);
          return;
        }
        outage.failed(e);
        pause(outage.backoff());
      }
    }
  }

  /**
   * Waits for the start of a held run, which the completion writer writes, before its end is
   * written here; false when it was refused (or never came): then nothing of the run is written.
   */
  private boolean startWritten(RunContext run) {
    try {
      if (!run.hold().awaitStart(RETRY_LIMIT.plus(RETRY_LIMIT))) {
        log.error("the start of run {} was never written; its end is dropped", run.runId());
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !run.hold().wasRefused();
  }

  private Completion completion(
      RunContext run, RunOutcome outcome, ProgressSnapshot p, NewRun retry, Instant now) {
    return new Completion(
        run.runId(),
        run.jobName(),
        settings.nodeId(),
        outcome.status(),
        outcome.error(),
        p,
        retry,
        now,
        run.startedAt());
  }

  /**
   * Fails a run of a node that stopped heartbeating, unless it heartbeated since or already ended,
   * with its retry when its policy allows one.
   */
  void reap(JobRun run, RunOutcome.Lost lost) {
    Instant now = clock.instant();
    NewRun retry = registry.find(run.jobName()).map(j -> retryOf(run, j, now)).orElse(null);
    Optional<Finished> reaped =
        repository.reapRun(
            new Reap(run.id(), lost.deadNode(), lost.silentSince(), lost.error(), retry, now));
    reaped.ifPresent(
        finished -> {
          log.warn("reaped run {} of '{}': {}", run.id(), run.jobName(), lost.error());
          publish(finished);
        });
  }

  /**
   * Cancels a pending run at once, or asks the node running it to stop it; a running run then ends
   * as {@link RunOutcome.Cancelled} through {@link #finish}.
   */
  CancelOutcome cancel(long runId) {
    Instant now = clock.instant();
    CancelOutcome outcome = repository.requestCancel(runId, now);
    if (outcome == CancelOutcome.CANCELLED) {
      repository
          .getJobRunById(runId)
          .ifPresent(run -> listener.onEvent(new JobEvent.RunFinished(run)));
    }
    return outcome;
  }

  private void announce(RunContext run, RunOutcome outcome, Optional<Finished> finished) {
    if (finished.isEmpty() && run.hold().wasRefused()) {
      log.debug("run {} was not this node's to start; its outcome is dropped", run.runId());
      return;
    }
    if (finished.isEmpty()) {
      log.warn(
          "run {} of '{}' ended as {} on node {}, but the node no longer owned it (it was"
              + " reaped or stopped); its outcome is dropped",
          run.runId(),
          run.jobName(),
          outcome.status().value(),
          settings.nodeId());
      return;
    }
    publish(finished.get());
  }

  private void publish(Finished finished) {
    listener.onEvent(new JobEvent.RunFinished(finished.run()));
    finished.retry().ifPresent(r -> listener.onEvent(new JobEvent.RunCreated(r)));
    finished.followers().forEach(r -> listener.onEvent(new JobEvent.RunCreated(r)));
  }

  private void appendLogs(RunContext run) {
    List<LogLine> lines = run.logBuffer().drainFinal();
    if (!lines.isEmpty()) {
      repository.appendLogs(run.runId(), lines);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next attempt of a failed run, or null when its policy has no attempts left. */
  private NewRun retryOf(JobRun run, Job job, Instant now) {
    RetryPolicy policy = job.retryPolicy();
    if (run.scheduleId() != null) {
      Integer override =
          repository.getJobScheduleById(run.scheduleId()).map(s -> s.maxAttempts()).orElse(null);
      if (override != null) {
        policy = policy.withMaxAttempts(override);
      }
    }
    if (!policy.allowsRetryAfter(run.attempt())) {
      return null;
    }
    Instant at = now.plus(policy.delayAfter(run.attempt(), random));
    return NewRun.of(run.jobName(), run.jobType(), Trigger.RETRY, at)
        .withUserId(run.userId())
        .withScheduleId(run.scheduleId())
        .withRetryOf(run.id(), run.attempt() + 1)
        .withParameters(run.parameters())
        .withTimeout(run.timeoutMillis() == null ? null : Duration.ofMillis(run.timeoutMillis()))
        .withConcurrencyLimit(job.maxConcurrency());
  }

  /** The completion writer while the engine's loop runs, else null. */
  CompletionBatcher batcher() {
    return batcher;
  }

  /** Starts batching ends (while the engine's loop runs). */
  void startBatching() {
    batcher = new CompletionBatcher(repository, followers, settings.nodeId(), RETRY_LIMIT);
  }

  /** Writes the ends queued, then stops batching; later ends are written one by one. */
  void stopBatching() {
    CompletionBatcher current = batcher;
    batcher = null;
    if (current != null) {
      current.close();
    }
  }
}
