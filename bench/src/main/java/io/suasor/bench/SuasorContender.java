package io.suasor.bench;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Our engine, on PostgreSQL or SQLite, keeping a history row per run. */
final class SuasorContender implements Contender {
  static final String NOOP = "bench.noop";
  static final String PROGRESS = "bench.progress";
  static final int PROGRESS_ITEMS = 100;

  private final JobEngine engine;

  SuasorContender(Target target, BenchSettings settings, Duration pollInterval) {
    this(
        target.isSqlite()
            ? Database.sqlite(target.sqliteFile())
            : Database.postgres(
                target.jdbcUrl(), target.user(), target.password(), settings.poolSize()),
        settings,
        pollInterval);
  }

  SuasorContender(Database database, BenchSettings settings, Duration pollInterval) {
    engine =
        JobEngine.builder()
            .database(database)
            .workerThreads(settings.workerThreads())
            .pollInterval(pollInterval)
            .register(new NoOp())
            .register(new ReportsProgress())
            .build();
  }

  @Override
  public void createDueNow(int runs, boolean reportProgress) {
    Instant now = engine.clock().instant();
    NewRun run =
        NewRun.of(reportProgress ? PROGRESS : NOOP, JobType.SYSTEM, Trigger.MANUAL, now)
            .withConcurrencyLimit(NewRun.UNLIMITED);
    for (int i = 0; i < runs; i++) {
      engine.repository().createJobRun(run, now);
    }
  }

  @Override
  public void start() {
    engine.start();
  }

  @Override
  public void createDueAt(List<Instant> dues) {
    Instant now = engine.clock().instant();
    for (Instant due : dues) {
      engine
          .repository()
          .createJobRun(
              NewRun.of(NOOP, JobType.SYSTEM, Trigger.MANUAL, due)
                  .withParameters("{\"due\":" + due.toEpochMilli() + "}")
                  .withConcurrencyLimit(NewRun.UNLIMITED),
              now);
    }
    engine.wakeUp();
  }

  /** Scenario 6, on the engine before it starts; see {@link EnqueueMeasure}. */
  Map<String, Object> measureEnqueue(int runs) {
    return new EnqueueMeasure(engine).measure(runs);
  }

  @Override
  public void close() {
    engine.close();
  }

  /** The due time written into a lateness run's parameters, or 0 for a burn-down run. */
  static long dueOf(String parameters) {
    int colon = parameters.indexOf(':');
    return colon < 0 ? 0 : Long.parseLong(parameters.substring(colon + 1, parameters.length() - 1));
  }

  private static final class NoOp implements Job {
    @Override
    public String name() {
      return NOOP;
    }

    @Override
    public int maxConcurrency() {
      return NewRun.UNLIMITED;
    }

    @Override
    public void execute(JobContext context) {
      Probe.executed(dueOf(context.parameters()));
    }
  }

  private static final class ReportsProgress implements Job {
    @Override
    public String name() {
      return PROGRESS;
    }

    @Override
    public int maxConcurrency() {
      return NewRun.UNLIMITED;
    }

    @Override
    public void execute(JobContext context) {
      context.totalItems(PROGRESS_ITEMS);
      for (int i = 0; i < PROGRESS_ITEMS; i++) {
        context.checkCancelled();
        context.advance(1);
      }
      Probe.executed(0);
    }
  }
}
