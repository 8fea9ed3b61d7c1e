package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Finished;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.Claims;
import io.suasor.jobs.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionBatcherTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  @TempDir Path folder;
  private Database database;
  private JdbcJobRepository repository;

  @BeforeEach
  void open() {
    database = TestDatabases.sqlite(folder);
    JdbcJobRepository.migrate(database);
    repository = new JdbcJobRepository(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private CompletionBatcher batcher() {
    return new CompletionBatcher(
        repository, new ScheduledRuns(new JobRegistry()), "node-a", Duration.ofSeconds(5));
  }

  private List<JobRun> claimed(int count) {
    for (int i = 0; i < count; i++) {
      repository.createJobRun(
          NewRun.of("job", JobType.SYSTEM, Trigger.MANUAL, NOW)
              .withConcurrencyLimit(NewRun.UNLIMITED),
          NOW);
    }
    return Claims.ofAnyJob(repository, "node-a", NOW, count);
  }

  @Test
  void queuedEndsAreWrittenAndEachHandlerHearsOfItsOwnRun() throws Exception {
    CompletionBatcher batcher = batcher();
    Map<Long, Optional<Finished>> heard = new ConcurrentHashMap<>();
    List<JobRun> runs = claimed(50);
    for (JobRun run : runs) {
      boolean queued =
          batcher.submit(
              Completion.of(
                  run.id(), run.jobName(), "node-a", JobStatus.COMPLETED, null, NOW.plusSeconds(1)),
              ended -> heard.put(run.id(), ended),
              failure -> heard.put(run.id(), Optional.empty()));
      assertThat(queued).isTrue();
    }
    Await.until("every end written", Duration.ofSeconds(10), () -> heard.size() == runs.size());
    batcher.close();

    for (JobRun run : runs) {
      assertThat(heard.get(run.id())).get().extracting(f -> f.run().id()).isEqualTo(run.id());
      assertThat(repository.getJobRunById(run.id()).orElseThrow().status())
          .isEqualTo(JobStatus.COMPLETED);
    }
  }

  @Test
  void aClosedWriterRefusesNewEnds() {
    CompletionBatcher batcher = batcher();
    JobRun run = claimed(1).get(0);
    batcher.close();

    boolean queued =
        batcher.submit(
            Completion.of(run.id(), run.jobName(), "node-a", JobStatus.COMPLETED, null, NOW),
            ended -> {},
            failure -> {});

    assertThat(queued).isFalse();
    assertThat(repository.getJobRunById(run.id()).orElseThrow().status())
        .isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void anEndOfARunThisNodeNoLongerOwnsIsHeardAsEmpty() throws Exception {
    CompletionBatcher batcher = batcher();
    JobRun run = claimed(1).get(0);
    Map<Long, Optional<Finished>> heard = new ConcurrentHashMap<>();

    batcher.submit(
        Completion.of(run.id(), run.jobName(), "node-b", JobStatus.COMPLETED, null, NOW),
        ended -> heard.put(run.id(), ended),
        failure -> {});
    Await.until("the end handled", Duration.ofSeconds(10), () -> heard.containsKey(run.id()));
    batcher.close();

    assertThat(heard.get(run.id())).isEmpty();
    assertThat(repository.getJobRunById(run.id()).orElseThrow().status())
        .isEqualTo(JobStatus.RUNNING);
  }
}
