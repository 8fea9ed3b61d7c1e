package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.service.InvalidRequestException;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.EventRecorder;
import io.suasor.jobs.testing.SettableClock;
import io.suasor.jobs.testing.TestJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link io.suasor.jobs.service.JobService#enqueueAll}: every entry checked before any is inserted,
 * one RunCreated event per run, and the runs executed by the engine; run on each database by its
 * subclasses.
 */
abstract class BulkEnqueueContract {
  static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

  final SettableClock clock = new SettableClock(START);
  final EventRecorder events = new EventRecorder();
  final Map<Long, AtomicInteger> executions = new ConcurrentHashMap<>();
  Database database;
  JobEngine engine;

  abstract Database newDatabase();

  @BeforeEach
  void open() {
    database = newDatabase();
    TestJob.Work count =
        context ->
            executions
                .computeIfAbsent(context.runId(), id -> new AtomicInteger())
                .incrementAndGet();
    engine =
        JobEngine.builder()
            .sharedDatabase(database)
            .clock(clock)
            .nodeId("node-a")
            // The default 30 s poll: only the wake-up after the enqueue gets the runs claimed
            // within the tests' wait.
            .pollInterval(Duration.ofSeconds(30))
            .shutdownGrace(Duration.ofMillis(500))
            .listener(events)
            .register(TestJob.of("scan", count).maxConcurrency(NewRun.UNLIMITED))
            .register(TestJob.of("report", count).type(JobType.USER))
            .build();
  }

  @AfterEach
  void close() {
    engine.stop();
    database.close();
  }

  NewRun scan(int n) {
    return NewRun.of("scan", JobType.SYSTEM, Trigger.MANUAL, clock.instant())
        .withParameters("{\"n\":" + n + "}")
        .withConcurrencyLimit(NewRun.UNLIMITED);
  }

  List<JobEvent.RunCreated> created() {
    return events.events().stream()
        .filter(JobEvent.RunCreated.class::isInstance)
        .map(JobEvent.RunCreated.class::cast)
        .toList();
  }

  @Test
  void returnsTheRunsInOrderVisibleWithOneCreatedEventEach() {
    List<NewRun> given = new ArrayList<>(IntStream.range(0, 4_500).mapToObj(this::scan).toList());
    given.add(2, NewRun.of("report", JobType.USER, Trigger.MANUAL, clock.instant()).withUserId(9L));

    List<JobRun> runs = engine.service().enqueueAll(given);

    assertThat(runs).hasSize(given.size());
    assertThat(runs.get(2).jobName()).isEqualTo("report");
    assertThat(runs.get(2).userId()).isEqualTo(9L);
    assertThat(runs.get(given.size() - 1).parameters()).isEqualTo("{\"n\":4499}");
    assertThat(runs).extracting(JobRun::id).isSorted().doesNotHaveDuplicates();
    assertThat(engine.service().getActiveJobRuns()).hasSize(given.size());
    assertThat(engine.service().getJobRunById(runs.get(3).id())).contains(runs.get(3));
    assertThat(created())
        .extracting(e -> e.run().id())
        .containsExactlyElementsOf(runs.stream().map(JobRun::id).toList());
  }

  @Test
  void aBadEntryIsNamedByItsIndexAndNothingIsInserted() {
    List<NewRun> unknownJob = List.of(scan(0), scan(1), scan(2).withParameters("{}"), scan(3));
    List<NewRun> withUnknown = new ArrayList<>(unknownJob);
    withUnknown.set(2, NewRun.of("nope", JobType.SYSTEM, Trigger.MANUAL, clock.instant()));
    List<NewRun> badJson = new ArrayList<>(unknownJob);
    badJson.set(1, scan(1).withParameters("[1]"));
    List<NewRun> wrongType = new ArrayList<>(unknownJob);
    wrongType.set(3, NewRun.of("report", JobType.SYSTEM, Trigger.MANUAL, clock.instant()));

    assertThatThrownBy(() -> engine.service().enqueueAll(withUnknown))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("runs[2]"))
        .hasMessageContaining("runs[2]: there is no job named 'nope'")
        .hasMessageContaining("report, scan");
    assertThatThrownBy(() -> engine.service().enqueueAll(badJson))
        .hasMessageStartingWith("runs[1]: parameters must be a JSON object");
    assertThatThrownBy(() -> engine.service().enqueueAll(wrongType))
        .hasMessageStartingWith("runs[3]: job 'report' is of type user, not system");

    assertThat(engine.service().getActiveJobRuns()).isEmpty();
    assertThat(events.events()).isEmpty();
  }

  @Test
  void nothingToEnqueueCreatesNothing() {
    assertThat(engine.service().enqueueAll(List.of())).isEmpty();
    assertThat(events.events()).isEmpty();
  }

  @Test
  void theEngineExecutesEveryBulkEnqueuedRunOnce() throws InterruptedException {
    engine.start();
    int count = 300;

    List<JobRun> runs =
        engine.service().enqueueAll(IntStream.range(0, count).mapToObj(this::scan).toList());

    Await.until(
        "every bulk-enqueued run finished",
        Duration.ofSeconds(20),
        () ->
            events.events().stream().filter(JobEvent.RunFinished.class::isInstance).count()
                == count);
    for (JobRun run : runs) {
      assertThat(engine.service().getJobRunById(run.id()).orElseThrow().status())
          .isEqualTo(JobStatus.COMPLETED);
      assertThat(executions.get(run.id())).hasValue(1);
    }
  }
}
