package io.suasor.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Job metrics of this node, fed by the engine's events: runs ended by job and status, their
 * durations, how late they started after their scheduled time, and the runs executing now.
 */
public final class JobMetrics implements JobListener {
  private final MeterRegistry registry;
  private final Set<Long> executing = ConcurrentHashMap.newKeySet();

  public JobMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("suasor.job.runs.active", executing, Set::size)
        .description("Runs executing on this node")
        .register(registry);
  }

  @Override
  public void onEvent(JobEvent event) {
    if (event instanceof JobEvent.RunStarted started) {
      started(started.run());
    } else if (event instanceof JobEvent.RunFinished finished) {
      finished(finished.run());
    }
  }

  private void started(JobRun run) {
    executing.add(run.id());
    if (run.scheduledFor() != null && run.startTime() != null) {
      Duration late = Duration.between(run.scheduledFor(), run.startTime());
      Timer.builder("suasor.job.run.lateness")
          .description("How long after its scheduled time a run started")
          .tag("job", run.jobName())
          .register(registry)
          .record(late.isNegative() ? Duration.ZERO : late);
    }
  }

  private void finished(JobRun run) {
    executing.remove(run.id());
    String status = run.status().value();
    Counter.builder("suasor.job.runs")
        .description("Runs ended, by job and final status")
        .tag("job", run.jobName())
        .tag("status", status)
        .register(registry)
        .increment();
    if (run.startTime() != null && run.endTime() != null) {
      Timer.builder("suasor.job.run.duration")
          .description("How long runs took from start to end")
          .tag("job", run.jobName())
          .tag("status", status)
          .register(registry)
          .record(Duration.between(run.startTime(), run.endTime()));
    }
  }
}
