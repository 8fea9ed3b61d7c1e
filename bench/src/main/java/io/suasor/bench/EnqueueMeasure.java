package io.suasor.bench;

import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 6: the time to create N runs due now, one {@code createJobRun} per run (how the
 * burn-down creates its runs) against one {@code JobService.enqueueAll} (COPY on PostgreSQL,
 * multi-row inserts on SQLite), on one fresh database, in that order.
 */
final class EnqueueMeasure {
  private final JobEngine engine;

  EnqueueMeasure(JobEngine engine) {
    this.engine = engine;
  }

  Map<String, Object> measure(int runs) {
    Instant now = engine.clock().instant();
    NewRun run =
        NewRun.of(SuasorContender.NOOP, JobType.SYSTEM, Trigger.MANUAL, now)
            .withConcurrencyLimit(NewRun.UNLIMITED);
    long started = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      engine.repository().createJobRun(run, now);
    }
    double oneByOne = seconds(started);

    List<NewRun> many = new ArrayList<>(runs);
    for (int i = 0; i < runs; i++) {
      many.add(run);
    }
    started = System.nanoTime();
    List<JobRun> created = engine.service().enqueueAll(many);
    double bulk = seconds(started);
    if (created.size() != runs) {
      throw new IllegalStateException("enqueueAll made " + created.size() + " runs of " + runs);
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("runs", runs);
    result.put("oneByOneSeconds", oneByOne);
    result.put("bulkSeconds", bulk);
    result.put("oneByOneRunsPerSecond", runs / oneByOne);
    result.put("bulkRunsPerSecond", runs / bulk);
    result.put("bulkSpeedUp", oneByOne / bulk);
    return result;
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
