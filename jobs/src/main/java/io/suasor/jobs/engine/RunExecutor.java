package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.Finished;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.LogLine;
import io.suasor.jobs.store.ProgressSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Executes claimed runs on the worker pool and records how each ended. Nothing a job does — throw,
 * throw an {@link Error}, ignore cancellation — escapes a worker: the run ends as failed with the
 * reason, and the pool goes on.
 */
final class RunExecutor {
  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  private final JobRepository repository;
  private final JobRegistry registry;
  private final EngineSettings settings;
  private final Clock clock;
  private final JobListener listener;
  private final ExecutorService workers;
  private final RandomGenerator random;
  private final Map<Long, RunContext> active = new ConcurrentHashMap<>();
  private final Runnable onRunEnded;
  private final Semaphore slots;
  private final ClaimRoom room;
  private final ScheduledRuns followers;

  private volatile CompletionBatcher batcher;

  /** How long a finished run keeps trying to record its end while the database is away. */
  static final Duration FINISH_RETRY_LIMIT = Duration.ofMinutes(5);

  RunExecutor(EngineContext context, ExecutorService workers, Runnable onRunEnded) {
    this.onRunEnded = onRunEnded;
    this.repository = context.repository();
    this.registry = context.registry();
    this.settings = context.settings();
    this.clock = context.clock();
    this.listener = context.listener();
    this.random = context.random();
    this.workers = workers;
    // The pool may be larger (an application's executor, virtual threads): jobs still run at most
    // workerThreads at once.
    this.slots = new Semaphore(settings.workerThreads());
    this.room = new ClaimRoom(settings.workerThreads(), active::size);
    this.followers = new ScheduledRuns(registry);
  }

  /** How many runs this node can take, and of which jobs. */
  ClaimRoom room() {
    return room;
  }

  Collection<RunContext> active() {
    return active.values();
  }

  Optional<RunContext> find(long runId) {
    return Optional.ofNullable(active.get(runId));
  }

  /** Starts a claimed run: one that this node now owns in the database. */
  void start(JobRun run) {
    listener.onEvent(new JobEvent.RunStarted(run));
    Optional<Job> job = registry.find(run.jobName());
    if (job.isEmpty()) {
      finish(
          contextOf(run),
          JobStatus.FAILED,
          "job '"
              + run.jobName()
              + "' is not registered on node "
              + settings.nodeId()
              + "; register it or delete its schedule",
          null);
      return;
    }
    RunContext context = contextOf(run);
    active.put(run.id(), context);
    try {
      workers.execute(() -> execute(context, job.get()));
    } catch (RejectedExecutionException e) {
      active.remove(run.id());
      finish(context, JobStatus.FAILED, "the worker pool refused the run: " + e.getMessage(), null);
    }
  }

  private RunContext contextOf(JobRun run) {
    Duration timeout = run.timeoutMillis() == null ? null : Duration.ofMillis(run.timeoutMillis());
    return new RunContext(run, clock, timeout, settings.logLinesPerRun());
  }

  private void execute(RunContext context, Job job) {
    MDC.put("job", context.jobName());
    MDC.put("run", String.valueOf(context.runId()));
    context.bind(Thread.currentThread());
    try {
      Throwable failure = work(context, job);
      RunContext.StopReason stop = context.stopReason();
      if (failure != null) {
        ended(context, job, failure);
      } else if (stop == RunContext.StopReason.TIMED_OUT) {
        finish(context, JobStatus.FAILED, timeoutMessage(context), job);
      } else {
        finish(context, JobStatus.COMPLETED, null, job);
      }
    } catch (Throwable failure) {
      ended(context, job, failure);
    } finally {
      context.unbind();
      if (!context.isRecording()) {
        release(context);
      }
      MDC.remove("job");
      MDC.remove("run");
      if (Thread.interrupted()) {
        log.debug("cleared the interrupt of run {} before returning its worker", context.runId());
      }
    }
  }

  /** Runs the job in one of the worker slots; returns what it threw, or null. */
  private Throwable work(RunContext context, Job job) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      return e;
    }
    long began = System.nanoTime();
    try {
      context.checkCancelled();
      job.execute(context);
      return null;
    } catch (Throwable failure) {
      return failure;
    } finally {
      slots.release();
      room.observe(context.jobName(), System.nanoTime() - began);
    }
  }

  private void ended(RunContext context, Job job, Throwable failure) {
    RunContext.StopReason stop = context.stopReason();
    if (stop == RunContext.StopReason.TIMED_OUT) {
      finish(context, JobStatus.FAILED, timeoutMessage(context), job);
    } else if (stop != null) {
      // Once asked to stop, whatever the job throws (its own cancellation, an interrupted I/O call)
      // is the stop taking effect, not a failure of its work.
      finish(context, JobStatus.CANCELLED, "run " + stop.text, null);
    } else {
      log.warn("run {} of '{}' failed", context.runId(), context.jobName(), failure);
      context.logBuffer().error("failed: {}", describe(failure));
      finish(context, JobStatus.FAILED, describe(failure), job);
    }
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

  /** Frees a run's place once its end is recorded: a run of the same job may be waiting for it. */
  private void release(RunContext context) {
    active.remove(context.runId());
    onRunEnded.run();
  }

  /**
   * Writes the end of a run, fenced by ownership, with its retry when it failed and its policy
   * allows one. A run this node lost (another node reaped it) is not overwritten. A worker ending a
   * run that needs no retry hands the write to the completion writer and goes on; the run keeps its
   * place until the write is done.
   */
  void finish(RunContext context, JobStatus status, String error, Job job) {
    Instant now = clock.instant();
    ProgressSnapshot progress = context.snapshot(status == JobStatus.COMPLETED);
    if ((status != JobStatus.FAILED || job == null)
        && handOver(context, status, error, progress, now)) {
      return;
    }
    NewRun retry = null;
    long deadline = System.nanoTime() + FINISH_RETRY_LIMIT.toNanos();
    OutageLog outage = new OutageLog(log, "recording the end of run " + context.runId());
    while (true) {
      try {
        if (status == JobStatus.FAILED && job != null && retry == null) {
          retry = retryOf(context.run(), job, now);
        }
        appendLogs(context);
        Optional<Finished> finished =
            record(
                new Completion(
                    context.runId(),
                    context.jobName(),
                    settings.nodeId(),
                    status,
                    error,
                    progress,
                    retry,
                    now));
        outage.recovered();
        announce(context, status, finished);
        return;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
          log.error(
              "gave up recording the end of run {} ({}); it will be reaped and retried by its"
                  + " policy once the database answers",
              context.runId(),
              status.value(),
              e);
          return;
        }
        outage.failed(e);
        pause(outage.backoff());
      }
    }
  }

  /**
   * Hands the end of a run this worker executed to the completion writer, when the loop runs and
   * the run has no log lines left to store; false when the caller must write it itself.
   */
  private boolean handOver(
      RunContext context, JobStatus status, String error, ProgressSnapshot progress, Instant now) {
    CompletionBatcher current = batcher;
    if (current == null
        || !current.isRunning()
        || active.get(context.runId()) != context
        || context.logBuffer().hasPending()) {
      return false;
    }
    // Marked before it is queued: the writer may record it and free its place at once.
    context.recording(true);
    boolean queued =
        current.submit(
            new Completion(
                context.runId(),
                context.jobName(),
                settings.nodeId(),
                status,
                error,
                progress,
                null,
                now),
            ended -> {
              try {
                announce(context, status, ended);
              } finally {
                release(context);
              }
            },
            failure -> release(context));
    if (!queued) {
      context.recording(false);
    }
    return queued;
  }

  /** Batches a plain completion while the loop runs; a retry needs its own transaction. */
  private Optional<Finished> record(Completion completion) {
    CompletionBatcher current = batcher;
    if (completion.retry() != null || current == null || !current.isRunning()) {
      return repository.finishRun(completion, followers);
    }
    try {
      return current.finish(completion);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return repository.finishRun(completion, followers);
    }
  }

  /** Starts batching completions (while the engine's loop runs). */
  void startBatching() {
    batcher = new CompletionBatcher(repository, followers, settings.nodeId(), FINISH_RETRY_LIMIT);
  }

  /** Stops batching; completions after this are written one by one. */
  void stopBatching() {
    CompletionBatcher current = batcher;
    batcher = null;
    if (current != null) {
      current.close();
    }
  }

  private void announce(RunContext context, JobStatus status, Optional<Finished> finished) {
    if (finished.isEmpty()) {
      log.warn(
          "run {} of '{}' ended as {} on node {}, but the node no longer owned it (it was"
              + " reaped or stopped); its outcome is dropped",
          context.runId(),
          context.jobName(),
          status.value(),
          settings.nodeId());
      return;
    }
    listener.onEvent(new JobEvent.RunFinished(finished.get().run()));
    finished.get().retry().ifPresent(r -> listener.onEvent(new JobEvent.RunCreated(r)));
    finished.get().followers().forEach(r -> listener.onEvent(new JobEvent.RunCreated(r)));
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void appendLogs(RunContext context) {
    List<LogLine> lines = context.logBuffer().drainFinal();
    if (!lines.isEmpty()) {
      repository.appendLogs(context.runId(), lines);
    }
  }

  /** The next attempt of a failed run, or null when its policy has no attempts left. */
  NewRun retryOf(JobRun run, Job job, Instant now) {
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
}
