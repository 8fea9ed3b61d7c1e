package io.suasor.jobs.engine;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.JobRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a run when its worker takes it, and alone publishes {@link JobEvent.RunStarted}. A run
 * claimed for a free worker is running since its claim: it is announced at once. A run claimed
 * ahead is still held pending: while the engine's loop runs, its start goes to the completion
 * writer and the worker begins the job without waiting (see {@link RunHold}); the run is announced
 * once its start is written, so that its event never precedes what the database shows. Otherwise
 * (the engine driven by {@code tick}, or stopping) the start is written here, before the job.
 */
final class RunStarter {
  private static final Logger log = LoggerFactory.getLogger(RunStarter.class);

  private final JobRepository repository;
  private final EngineSettings settings;
  private final Clock clock;
  private final JobListener listener;
  private final RunFinisher finisher;

  RunStarter(EngineContext context, RunFinisher finisher) {
    this.repository = context.repository();
    this.settings = context.settings();
    this.clock = context.clock();
    this.listener = context.listener();
    this.finisher = finisher;
  }

  /**
   * Starts a run its worker has taken and {@link RunContext#began} (a held one has left its queue
   * with {@link RunHold#take}); false when the run must not be executed: its start was refused.
   */
  boolean start(RunContext run) {
    if (!run.isHeld()) {
      listener.onEvent(new JobEvent.RunStarted(run.run()));
      return true;
    }
    CompletionBatcher batcher = finisher.batcher();
    if (batcher != null
        && batcher.start(run, settings.nodeId(), started -> written(run, started))) {
      return true;
    }
    Optional<JobRun> started;
    try {
      List<JobRun> rows =
          repository.startHeldRuns(List.of(run.runId()), settings.nodeId(), run.startedAt());
      started = rows.stream().findFirst();
    } catch (RuntimeException e) {
      // Left held and no longer stamped: another node gives it back once it is stale.
      log.warn("could not start held run {}: {}", run.runId(), e.getMessage());
      started = Optional.empty();
    }
    written(run, started);
    return started.isPresent();
  }

  /** Announces a written start, or stops a job whose start was refused. */
  private void written(RunContext run, Optional<JobRun> started) {
    if (started.isPresent()) {
      run.hold().written(true);
      listener.onEvent(new JobEvent.RunStarted(started.get()));
    } else if (run.hold().written(false)) {
      log.info(
          "run {} of '{}' was cancelled or given back before its start was written; it is stopped"
              + " and nothing of it is recorded",
          run.runId(),
          run.jobName());
      run.requestStop(RunContext.StopReason.CANCELLED, clock.instant());
    }
  }
}
