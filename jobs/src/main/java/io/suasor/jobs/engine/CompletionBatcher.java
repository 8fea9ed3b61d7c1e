package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.store.Completion;
import io.suasor.jobs.store.Finished;
import io.suasor.jobs.store.Followers;
import io.suasor.jobs.store.HeldStart;
import io.suasor.jobs.store.JobRepository;
import io.suasor.jobs.store.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the ends of runs in batches, and the starts of runs claimed ahead of the workers with
 * them: one thread writes whatever has gathered in one statement. Nothing waits to fill a batch
 * with ends, so a lone end is written at once; under load, runs that end while a batch is being
 * written share the next one. A batch of starts alone waits up to {@link #START_LINGER} for an end
 * to share its statement with: a short run's start and end then make one row. A worker hands its
 * run's start or end over and goes on ({@link #submit}, {@link #start}); what follows the write
 * (the events, freeing the run's place, stopping a run whose start was refused) runs on this
 * writer's thread, the starts' before the ends'.
 *
 * <p>A run's start is handed over before its end, by its worker, so it is written in the same batch
 * (then as one row, see {@link JobRepository#recordRuns}) or an earlier one: an end is never
 * written before its start, and the end of a run whose start was refused is not written at all.
 *
 * <p>While the database does not answer, the writer retries the batch with backoff, logging the
 * outage once, for up to {@link RunFinisher#RETRY_LIMIT}; then it gives the runs up (they are
 * reaped, or given back, and retried once the database answers).
 */
final class CompletionBatcher {
  private static final Logger log = LoggerFactory.getLogger(CompletionBatcher.class);

  /**
   * How long a start waits for its run's end to be written with it as one row: runs claimed ahead
   * average under {@link ClaimRoom#SHORT_RUN}, and most end well within this; the others' starts
   * are written this late, with whatever batch comes next (their timeouts and start times count
   * from their real start regardless).
   */
  static final Duration START_LINGER = Duration.ofMillis(20);

  private sealed interface Item permits Start, End {}

  /** A start handed over at {@code at} ({@link System#nanoTime}). */
  private record Start(RunContext run, String nodeId, Consumer<Optional<JobRun>> written, long at)
      implements Item {}

  private record End(
      Completion completion,
      RunContext run,
      Consumer<Optional<Finished>> written,
      Consumer<RuntimeException> gaveUp)
      implements Item {}

  private final JobRepository repository;
  private final Followers followers;
  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private final Duration retryLimit;
  private volatile boolean running = true;

  /** Starts kept for the next batch, oldest first; the writer's thread alone uses it. */
  private final List<Start> waiting = new ArrayList<>();

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
   * Queues a completion (without a retry) of {@code run} (null for an end the caller knows nothing
   * else of); {@code written} receives the run as it ended with the runs of the chains that follow
   * it, or empty if this node no longer owned it, and {@code gaveUp} the last failure if the
   * database did not answer within the retry limit. Both are called on the writer's thread. False,
   * and nothing queued, once the writer is closing: the caller writes the completion itself.
   */
  synchronized boolean submit(
      Completion completion,
      RunContext run,
      Consumer<Optional<Finished>> written,
      Consumer<RuntimeException> gaveUp) {
    if (!running) {
      return false;
    }
    queue.add(new End(completion, run, written, gaveUp));
    return true;
  }

  /**
   * Queues the start of a held run that its worker began; {@code written} receives the run as it
   * started, or empty when the start was refused or given up. False, and nothing queued, once the
   * writer is closing: the caller writes the start itself.
   */
  synchronized boolean start(RunContext run, String nodeId, Consumer<Optional<JobRun>> written) {
    if (!running) {
      return false;
    }
    queue.add(new Start(run, nodeId, written, System.nanoTime()));
    return true;
  }

  private void writeBatches() {
    while (running || !queue.isEmpty() || !waiting.isEmpty()) {
      long wait =
          waiting.isEmpty()
              ? TimeUnit.MILLISECONDS.toNanos(100)
              : running ? waiting.get(0).at() + START_LINGER.toNanos() - System.nanoTime() : 0;
      Item first;
      try {
        first = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      List<Item> batch = new ArrayList<>(waiting);
      waiting.clear();
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, JobRepository.MAX_FINISH_BATCH - batch.size());
      }
      if (!batch.isEmpty()) {
        write(batch);
      }
    }
  }

  /**
   * Writes a batch, but for the starts that came without their end less than {@link #START_LINGER}
   * ago: those wait for the next batch, where their end may join them.
   */
  private void write(List<Item> batch) {
    Set<Long> ending = new HashSet<>();
    for (Item item : batch) {
      if (item instanceof End end) {
        ending.add(end.completion().runId());
      }
    }
    long young = System.nanoTime() - START_LINGER.toNanos();
    List<Start> starts = new ArrayList<>();
    List<End> ends = new ArrayList<>();
    for (Item item : batch) {
      if (item instanceof Start start) {
        if (running && start.at() > young && !ending.contains(start.run().runId())) {
          waiting.add(start);
        } else {
          starts.add(start);
        }
      } else if (item instanceof End end && end.run() != null && end.run().hold().wasRefused()) {
        // Its start, written in an earlier batch, was refused: the run is not this node's.
        callQuietly(() -> end.written().accept(Optional.empty()));
      } else {
        ends.add((End) item);
      }
    }
    if (starts.isEmpty() && ends.isEmpty()) {
      return;
    }
    List<HeldStart> held =
        starts.stream()
            .map(s -> new HeldStart(s.run().runId(), s.nodeId(), s.run().startedAt()))
            .toList();
    List<Completion> completions = ends.stream().map(End::completion).toList();
    long deadline = System.nanoTime() + retryLimit.toNanos();
    OutageLog outage = new OutageLog(log, "recording the starts and ends of runs");
    while (true) {
      Recorded recorded;
      try {
        recorded = repository.recordRuns(held, completions, followers);
        outage.recovered();
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !pause(outage, e)) {
          log.error(
              "gave up recording the starts and ends of {} runs; they will be given back or"
                  + " reaped, and retried, once the database answers",
              batch.size(),
              e);
          starts.forEach(start -> callQuietly(() -> start.written().accept(Optional.empty())));
          ends.forEach(end -> callQuietly(() -> end.gaveUp().accept(e)));
          return;
        }
        continue;
      }
      for (Start start : starts) {
        Optional<JobRun> run = startOf(start.run(), recorded);
        callQuietly(() -> start.written().accept(run));
      }
      for (End end : ends) {
        Optional<Finished> run =
            Optional.ofNullable(recorded.ended().get(end.completion().runId()));
        callQuietly(() -> end.written().accept(run));
      }
      return;
    }
  }

  /** The run as started: written alone, or with its end (which then returned the ended run). */
  private static Optional<JobRun> startOf(RunContext run, Recorded recorded) {
    JobRun started = recorded.started().get(run.runId());
    if (started != null) {
      return Optional.of(started);
    }
    return recorded.ended().containsKey(run.runId())
        ? Optional.of(RunHold.started(run.run(), run.startedAt()))
        : Optional.empty();
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
