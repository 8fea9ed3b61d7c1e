package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.JobRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records the ends of runs in batches: workers hand over their completion and wait, one thread
 * writes whatever has gathered in one statement. Nothing waits to fill a batch, so a lone run is
 * written at once; under load, runs that end while a batch is being written share the next one.
 */
final class CompletionBatcher {
  private static final int MAX_BATCH = 100;

  private record Pending(Completion completion, CompletableFuture<Optional<JobRun>> result) {}

  private final JobRepository repository;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  CompletionBatcher(JobRepository repository, String nodeId) {
    this.repository = repository;
    this.writer = new Thread(this::writeBatches, "suasor-completions-" + nodeId);
    writer.setDaemon(true);
    writer.start();
  }

  boolean isRunning() {
    return running;
  }

  /**
   * Records a completion (without a retry) and returns the run as it ended, if this node owned it.
   */
  Optional<JobRun> finish(Completion completion) throws InterruptedException {
    CompletableFuture<Optional<JobRun>> result = new CompletableFuture<>();
    queue.add(new Pending(completion, result));
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void writeBatches() {
    while (running || !queue.isEmpty()) {
      Pending first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (first == null) {
        continue;
      }
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      write(batch);
    }
  }

  private void write(List<Pending> batch) {
    try {
      Map<Long, JobRun> ended =
          repository.finishRuns(batch.stream().map(Pending::completion).toList());
      for (Pending pending : batch) {
        pending.result().complete(Optional.ofNullable(ended.get(pending.completion().runId())));
      }
    } catch (RuntimeException e) {
      // Each worker retries its own completion with backoff, as it would a single write.
      batch.forEach(pending -> pending.result().completeExceptionally(e));
    }
  }

  /** Writes what is queued, then stops; later completions go to the database one by one. */
  void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
