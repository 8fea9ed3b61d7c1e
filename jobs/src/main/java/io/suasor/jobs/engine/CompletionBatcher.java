package io.suasor.jobs.engine;

import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.Finished;
import io.suasor.jobs.store.Followers;
import io.suasor.jobs.store.JobRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the ends of runs in batches: one thread writes whatever has gathered in one statement.
 * Nothing waits to fill a batch, so a lone run is written at once; under load, runs that end while
 * a batch is being written share the next one. A worker hands its run's end over and goes on to the
 * next run ({@link #submit}); what follows the write (the event, freeing the run's place) runs on
 * this writer's thread.
 *
 * <p>While the database does not answer, the writer retries the batch with backoff, logging the
 * outage once, for up to {@link RunFinisher#RETRY_LIMIT}; then it gives the runs up (they are
 * reaped and retried by their policy once the database answers).
 */
final class CompletionBatcher {
  private static final Logger log = LoggerFactory.getLogger(CompletionBatcher.class);

  private record Pending(
      Completion completion,
      Consumer<Optional<Finished>> written,
      Consumer<RuntimeException> gaveUp) {}

  private final JobRepository repository;
  private final Followers followers;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Duration retryLimit;
  private volatile boolean running = true;

  CompletionBatcher(
      JobRepository repository, Followers followers, String nodeId, Duration retryLimit) {
    this.repository = repository;
    this.followers = followers;
    this.retryLimit = retryLimit;
    this.writer = new Thread(this::writeBatches, "suasor-completions-" + nodeId);
    writer.setDaemon(true);
    writer.start();
  }

  boolean isRunning() {
    return running;
  }

  /**
   * Queues a completion (without a retry); {@code written} receives the run as it ended with the
   * runs of the chains that follow it, or empty if this node no longer owned it, and {@code gaveUp}
   * the last failure if the database did not answer within the retry limit. Both are called on the
   * writer's thread. False, and nothing queued, once the writer is closing: the caller writes the
   * completion itself.
   */
  synchronized boolean submit(
      Completion completion,
      Consumer<Optional<Finished>> written,
      Consumer<RuntimeException> gaveUp) {
    if (!running) {
      return false;
    }
    queue.add(new Pending(completion, written, gaveUp));
    return true;
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
      queue.drainTo(batch, JobRepository.MAX_FINISH_BATCH - 1);
      write(batch);
    }
  }

  private void write(List<Pending> batch) {
    List<Completion> completions = batch.stream().map(Pending::completion).toList();
    long deadline = System.nanoTime() + retryLimit.toNanos();
    OutageLog outage = new OutageLog(log, "recording the ends of runs");
    while (true) {
      Map<Long, Finished> ended;
      try {
        ended = repository.finishRuns(completions, followers);
        outage.recovered();
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !pause(outage, e)) {
          log.error(
              "gave up recording the ends of {} runs; they will be reaped and retried by their"
                  + " policy once the database answers",
              batch.size(),
              e);
          batch.forEach(pending -> callQuietly(() -> pending.gaveUp().accept(e)));
          return;
        }
        continue;
      }
      for (Pending pending : batch) {
        Optional<Finished> run = Optional.ofNullable(ended.get(pending.completion().runId()));
        callQuietly(() -> pending.written().accept(run));
      }
      return;
    }
  }

  /** Notes the failure and waits before the next attempt; false when interrupted. */
  private static boolean pause(OutageLog outage, RuntimeException failure) {
    outage.failed(failure);
    try {
      Thread.sleep(outage.backoff().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What follows a write (listeners, freeing a run's place) must not stop the writer. */
  private static void callQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.warn("handling a recorded run end failed", e);
    }
  }

  /** Writes what is queued, then stops; later completions go to the database one by one. */
  void close() {
    synchronized (this) {
      running = false;
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
