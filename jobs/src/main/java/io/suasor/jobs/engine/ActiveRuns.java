package io.suasor.jobs.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runs this node holds. A run is held from its claim until its end is recorded; it is running
 * here from its claim until it ends (its job returns, or the node ends it), and only running runs
 * are watched, timed out or cancelled. (A run claimed ahead of the workers is "running" here while
 * it waits for one, though still pending in the database: see {@link RunContext#isHeld}.) Ending a
 * run is one atomic step, so of two parties ending the same run (its worker and the node shutting
 * down) only the first records it.
 */
final class ActiveRuns {
  private final Map<Long, RunContext> running = new ConcurrentHashMap<>();
  private final Set<Long> held = ConcurrentHashMap.newKeySet();
  private final Runnable onReleased;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();

  /** {@code onReleased} runs each time a run's place is freed. */
  ActiveRuns(Runnable onReleased) {
    this.onReleased = onReleased;
  }

  void add(RunContext run) {
    held.add(run.runId());
    running.put(run.runId(), run);
  }

  /** Marks the run ended; false when it had already ended, and the caller must not record it. */
  boolean end(RunContext run) {
    return running.remove(run.runId(), run);
  }

  /** Frees the place of a run whose end is recorded (or given up on). */
  void release(RunContext run) {
    held.remove(run.runId());
    if (held.isEmpty()) {
      lock.lock();
      try {
        idle.signalAll();
      } finally {
        lock.unlock();
      }
    }
    onReleased.run();
  }

  /** The runs still running: the ones to watch. */
  Collection<RunContext> running() {
    return running.values();
  }

  Optional<RunContext> find(long runId) {
    return Optional.ofNullable(running.get(runId));
  }

  /** How many runs the node holds: claimed and not yet recorded as ended. */
  int held() {
    return held.size();
  }

  /** Waits until no run is held, at most {@code nanos}; returns whether none is. */
  boolean awaitIdle(long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (!held.isEmpty()) {
        if (left <= 0) {
          return false;
        }
        left = idle.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
