package io.suasor.jobs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.Claim;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Finished;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.ProgressSnapshot;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.jobs.testing.Claims;
import io.suasor.jobs.testing.TestDatabases;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
              null,
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
  void endsQueuedWhileABatchIsWrittenAreWrittenTogetherInTheNext() throws Exception {
    List<Integer> writes = new CopyOnWriteArrayList<>();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    CompletionBatcher batcher =
        pausingFirstWrite(args -> writes.add(((List<?>) args[1]).size()), writing, resume);
    int queuedBehind = 2 * JobRepository.MAX_FINISH_BATCH + 50;
    List<JobRun> runs = claimed(1 + queuedBehind);
    Set<Long> heard = ConcurrentHashMap.newKeySet();

    submit(batcher, runs.get(0), heard);
    assertThat(writing.await(10, TimeUnit.SECONDS)).as("the first write began").isTrue();
    runs.subList(1, runs.size()).forEach(run -> submit(batcher, run, heard));
    resume.countDown();
    Await.until("every end written", Duration.ofSeconds(10), () -> heard.size() == runs.size());
    batcher.close();

    // One statement for the lone first end, then the ends that gathered meanwhile, a batch at a
    // time: not one write per end.
    assertThat(writes)
        .containsExactly(
            1,
            JobRepository.MAX_FINISH_BATCH,
            JobRepository.MAX_FINISH_BATCH,
            queuedBehind - 2 * JobRepository.MAX_FINISH_BATCH);
    assertThat(repository.findRuns(RunQuery.latest(1000).withStatus(JobStatus.COMPLETED)).runs())
        .hasSize(runs.size());
  }

  /**
   * A writer over the repository that hands the arguments of each write to {@code record}, and
   * whose first write waits, once {@code writing} is counted down, until {@code resume} is.
   */
  private CompletionBatcher pausingFirstWrite(
      Consumer<Object[]> record, CountDownLatch writing, CountDownLatch resume) {
    AtomicInteger calls = new AtomicInteger();
    JobRepository pausing =
        (JobRepository)
            Proxy.newProxyInstance(
                JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("recordRuns")) {
                    record.accept(args);
                    if (calls.incrementAndGet() == 1) {
                      writing.countDown();
                      assertThat(resume.await(10, TimeUnit.SECONDS)).isTrue();
                    }
                  }
                  try {
                    return method.invoke(repository, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new CompletionBatcher(
        pausing, new ScheduledRuns(new JobRegistry()), "node-a", Duration.ofSeconds(5));
  }

  private static void submit(CompletionBatcher batcher, JobRun run, Set<Long> heard) {
    assertThat(
            batcher.submit(
                Completion.of(run.id(), run.jobName(), "node-a", JobStatus.COMPLETED, null, NOW),
                null,
                ended -> ended.ifPresent(f -> heard.add(f.run().id())),
                failure -> {}))
        .isTrue();
  }

  @Test
  void aClosedWriterRefusesNewEnds() {
    CompletionBatcher batcher = batcher();
    JobRun run = claimed(1).get(0);
    batcher.close();

    boolean queued =
        batcher.submit(
            Completion.of(run.id(), run.jobName(), "node-a", JobStatus.COMPLETED, null, NOW),
            null,
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
        null,
        ended -> heard.put(run.id(), ended),
        failure -> {});
    Await.until("the end handled", Duration.ofSeconds(10), () -> heard.containsKey(run.id()));
    batcher.close();

    assertThat(heard.get(run.id())).isEmpty();
    assertThat(repository.getJobRunById(run.id()).orElseThrow().status())
        .isEqualTo(JobStatus.RUNNING);
  }

  @Test
  void aHeldRunsStartAndEndHandedOverTogetherAreWrittenAsOneRowAfterItsStart() throws Exception {
    List<String> writes = new CopyOnWriteArrayList<>();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    CompletionBatcher batcher =
        pausingFirstWrite(
            args ->
                writes.add(
                    ((List<?>) args[0]).size()
                        + " starts, "
                        + ((List<?>) args[1]).size()
                        + " ends"),
            writing,
            resume);
    JobRun other = claimed(1).get(0);
    repository.createJobRun(
        NewRun.of("job", JobType.SYSTEM, Trigger.MANUAL, NOW)
            .withConcurrencyLimit(NewRun.UNLIMITED),
        NOW);
    JobRun held =
        repository
            .claimDueRuns(Claim.of("node-a", NOW, 1, List.of("job")).aheadOnly(List.of("job")))
            .get(0);
    RunContext context = new RunContext(held, Clock.fixed(NOW, ZoneOffset.UTC), null, 10);
    Instant began = NOW.plusSeconds(2);
    assertThat(context.hold().take()).isTrue();
    context.began(began);
    Set<Long> heard = ConcurrentHashMap.newKeySet();
    Map<Long, Optional<JobRun>> started = new ConcurrentHashMap<>();

    // The writer is busy with another end while the run's start and end are handed over.
    submit(batcher, other, heard);
    assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(batcher.start(context, "node-a", run -> started.put(held.id(), run))).isTrue();
    batcher.submit(
        new Completion(
            held.id(),
            "job",
            "node-a",
            JobStatus.COMPLETED,
            null,
            ProgressSnapshot.NONE,
            null,
            began.plusMillis(5),
            began),
        context,
        ended -> ended.ifPresent(f -> heard.add(f.run().id())),
        failure -> {});
    resume.countDown();
    Await.until("both ends written", Duration.ofSeconds(10), () -> heard.size() == 2);
    batcher.close();

    assertThat(writes).containsExactly("0 starts, 1 ends", "1 starts, 1 ends");
    assertThat(started.get(held.id()))
        .get()
        .satisfies(
            run -> {
              assertThat(run.status()).isEqualTo(JobStatus.RUNNING);
              assertThat(run.startTime()).isEqualTo(began);
            });
    JobRun ended = repository.getJobRunById(held.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ended.startTime()).isEqualTo(began);
    assertThat(ended.endTime()).isEqualTo(began.plusMillis(5));
  }
}
