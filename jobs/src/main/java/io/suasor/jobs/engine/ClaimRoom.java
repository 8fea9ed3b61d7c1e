package io.suasor.jobs.engine;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * How many runs a node can take now, and of which jobs: any job's runs for idle workers, and runs
 * of jobs known to be short ahead of them, so that a worker that finishes a short run starts the
 * next at once instead of after a claim.
 */
final class ClaimRoom {
  /** Runs of jobs shorter than this on average are claimed ahead of free workers. */
  static final Duration SHORT_RUN = Duration.ofMillis(200);

  /** How many runs per worker a node holds while they are runs of short jobs. */
  static final int CLAIM_AHEAD = 4;

  /**
   * While runs of short jobs are queued, how many runs per worker must have room before the next
   * claim (measured: 1 gave 11,800–12,600 burn-down runs/s on PostgreSQL, 2 gave 8,900–10,300).
   */
  static final int CLAIM_FLOOR = 1;

  private final int workers;
  private final IntSupplier held;
  private final Map<String, Double> averageRunNanos = new ConcurrentHashMap<>();

  /** {@code held} counts the runs the node holds: claimed and not yet recorded as ended. */
  ClaimRoom(int workers, IntSupplier held) {
    this.workers = workers;
    this.held = held;
  }

  /** How many workers are idle: runs of any job this node can start at once. */
  int freeWorkers() {
    return Math.max(0, workers - held.getAsInt());
  }

  /**
   * The jobs whose runs on this node average under {@link #SHORT_RUN}: only their runs are claimed
   * ahead of free workers. A job that has not run here yet is not among them, so a long run is
   * never held by a node that cannot start it while another node could.
   */
  Set<String> shortJobs() {
    Set<String> jobs = new HashSet<>();
    averageRunNanos.forEach(
        (job, nanos) -> {
          if (nanos < SHORT_RUN.toNanos()) {
            jobs.add(job);
          }
        });
    return jobs;
  }

  private boolean anyShortJob() {
    for (double nanos : averageRunNanos.values()) {
      if (nanos < SHORT_RUN.toNanos()) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many runs of short jobs this node may still take ahead of its workers, queued behind the
   * running ones, so that a worker that finishes starts the next run at once instead of after a
   * claim: up to {@link #CLAIM_AHEAD} runs per worker in all.
   */
  int roomAhead() {
    int taken = Math.max(held.getAsInt(), workers);
    return Math.max(0, workers * CLAIM_AHEAD - taken);
  }

  /**
   * Whether a claim is worth making now: a worker is idle, or, while short jobs have runs queued
   * here, room for {@link #CLAIM_FLOOR} runs per worker is free, so that one claim takes many runs
   * rather than one claim for every run that ends.
   */
  boolean worthClaiming() {
    return freeWorkers() > 0 || (roomAhead() >= workers * CLAIM_FLOOR && anyShortJob());
  }

  /**
   * Keeps a moving average of how long each job's runs take on this node, for {@link #shortJobs()};
   * two workers updating one job at once may lose a sample, which a moving average can afford.
   */
  void observe(String job, long nanos) {
    averageRunNanos.merge(job, (double) nanos, (average, sample) -> average * 0.8 + sample * 0.2);
  }
}
