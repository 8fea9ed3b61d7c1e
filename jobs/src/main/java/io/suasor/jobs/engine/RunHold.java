package io.suasor.jobs.engine;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a run claimed ahead of the workers is. It waits, held pending in the database, until a
 * worker takes it ({@link #take}) or the node gives it back ({@link #leaveQueue}). A worker begins
 * the job at once and its start is written with the completion writer's next batch (with its end,
 * when the run is that short), so a held run costs no statement of its own; the start is refused
 * when the database no longer holds the run for this node (cancelled, or given back by a node that
 * took this one for dead), and the job is then stopped and nothing of it written.
 */
final class RunHold {
  private enum State {
    /** Claimed for a free worker: running from its claim. */
    NONE,
    QUEUED,
    STARTING,
    STARTED,
    REFUSED,
    GIVEN_BACK
  }

  private final AtomicReference<State> state;
  private final CountDownLatch resolved = new CountDownLatch(1);

  RunHold(boolean held) {
    this.state = new AtomicReference<>(held ? State.QUEUED : State.NONE);
  }

  /**
   * Takes the run out of the queue for its worker: true for the one caller that does, so a run is
   * never both started and given back. Its start is then to be written.
   */
  boolean take() {
    return state.compareAndSet(State.QUEUED, State.STARTING);
  }

  /** Takes the run out of the queue to give it back; false when a worker took it first. */
  boolean leaveQueue() {
    return state.compareAndSet(State.QUEUED, State.GIVEN_BACK);
  }

  /** Whether the run is held and still waits for a worker. */
  boolean isQueued() {
    return state.get() == State.QUEUED;
  }

  /** Whether a worker began the run and its start is not written yet. */
  boolean isStarting() {
    return state.get() == State.STARTING;
  }

  /** Whether the database holds the run pending for this node, as far as the node knows. */
  boolean heldInDatabase() {
    State now = state.get();
    return now == State.QUEUED || now == State.STARTING;
  }

  /** Records whether the start was written; returns true when it was refused by this call. */
  boolean written(boolean written) {
    boolean refused =
        state.compareAndSet(State.STARTING, written ? State.STARTED : State.REFUSED) && !written;
    resolved.countDown();
    return refused;
  }

  /** Whether the start was refused: nothing of the run is to be written. */
  boolean wasRefused() {
    return state.get() == State.REFUSED;
  }

  /**
   * Waits until the start is written or refused; false when it still is not after {@code limit}.
   */
  boolean awaitStart(Duration limit) throws InterruptedException {
    return state.get() != State.STARTING || resolved.await(limit.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * The run as its start made it, for a start written with its end (whose statement returned the
   * ended run): running on its node since {@code at}.
   */
  static JobRun started(JobRun r, Instant at) {
    return new JobRun(
        r.id(),
        r.jobName(),
        r.jobType(),
        r.userId(),
        JobStatus.RUNNING,
        at,
        null,
        r.progress(),
        r.totalItems(),
        r.processedItems(),
        r.statusMessage(),
        r.errorMessage(),
        r.metadata(),
        r.createdAt(),
        at,
        r.scheduleId(),
        r.trigger(),
        r.attempt(),
        r.retryOf(),
        r.scheduledFor(),
        r.runAt(),
        r.nodeId(),
        r.heartbeatAt(),
        r.cancelRequested(),
        r.parameters(),
        r.timeoutMillis(),
        r.afterRunId());
  }
}
