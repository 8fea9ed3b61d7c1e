package io.suasor.jobs.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.jobs.JobCancelledException;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.RunLog;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.store.ProgressSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's side of a running run: what the job reported, kept in memory until the next write,
 * and whether and why it must stop. Counters are atomic so a job may report from several threads.
 */
final class RunContext implements JobContext {
  /** Why a run was asked to stop; decides how it ends. */
  enum StopReason {
    CANCELLED("cancelled on request"),
    TIMED_OUT("timed out"),
    SHUTDOWN("stopped because its node shut down");

    final String text;

    StopReason(String text) {
      this.text = text;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobRun run;
  private final Clock clock;
  private volatile Instant startedAt;
  private final Duration timeout;
  private final RunLogBuffer log;
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final RunHold hold;
  private final Map<String, Object> results = new LinkedHashMap<>();
  private volatile int explicitPercent = -1;
  private volatile String message;
  private volatile StopReason stopReason;
  private volatile Instant stopRequestedAt;
  private volatile Instant lastFlush;
  private Thread worker;

  RunContext(JobRun run, Clock clock, Duration timeout, int logLines) {
    this.run = run;
    this.clock = clock;
    this.timeout = timeout;
    this.log = new RunLogBuffer(run.jobName(), clock, logLines);
    this.lastFlush = run.startTime() == null ? clock.instant() : run.startTime();
    this.hold = new RunHold(isHeld());
  }

  /**
   * Whether the run was claimed ahead of the workers: it is pending, held by this node, until its
   * start is written (see {@link RunHold}).
   */
  boolean isHeld() {
    return run.status() == JobStatus.PENDING;
  }

  /** Where the run is, if it was claimed ahead of the workers. */
  RunHold hold() {
    return hold;
  }

  JobRun run() {
    return run;
  }

  @Override
  public long runId() {
    return run.id();
  }

  @Override
  public String jobName() {
    return run.jobName();
  }

  @Override
  public Optional<Long> userId() {
    return Optional.ofNullable(run.userId());
  }

  @Override
  public String parameters() {
    return run.parameters();
  }

  @Override
  public Trigger trigger() {
    return run.trigger();
  }

  @Override
  public int attempt() {
    return run.attempt();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public boolean isCancelled() {
    return stopReason != null;
  }

  @Override
  public void checkCancelled() {
    StopReason reason = stopReason;
    if (reason != null) {
      throw new JobCancelledException("run " + run.id() + " " + reason.text);
    }
  }

  @Override
  public void totalItems(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("totalItems must not be negative, was " + count);
    }
    total.set(count);
    explicitPercent = -1;
    dirty.set(true);
  }

  @Override
  public void advance(long count) {
    processed.addAndGet(count);
    explicitPercent = -1;
    dirty.set(true);
  }

  @Override
  public void progress(int percent, String statusMessage) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("progress must be 0 to 100, was " + percent);
    }
    explicitPercent = percent;
    if (statusMessage != null) {
      message = statusMessage;
    }
    dirty.set(true);
  }

  @Override
  public void message(String text) {
    message = text;
    dirty.set(true);
  }

  @Override
  public void result(String key, Object value) {
    synchronized (results) {
      results.put(key, value);
    }
    dirty.set(true);
  }

  @Override
  public void count(String key, long delta) {
    synchronized (results) {
      results.merge(key, delta, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
    }
    dirty.set(true);
  }

  @Override
  public RunLog log() {
    return log;
  }

  RunLogBuffer logBuffer() {
    return log;
  }

  /** What to write now; clears the dirty mark, so a write that fails should {@link #markDirty}. */
  ProgressSnapshot snapshot(boolean finished) {
    dirty.set(false);
    long totalItems = total.get();
    long done = processed.get();
    int percent;
    if (finished) {
      percent = 100;
    } else if (explicitPercent >= 0 || totalItems <= 0) {
      percent = Math.max(explicitPercent, 0);
    } else {
      percent = (int) Math.min(100, done * 100 / totalItems);
    }
    return new ProgressSnapshot(percent, totalItems, done, message, metadata());
  }

  /** The same, without treating an unfinished run as complete. */
  ProgressSnapshot snapshot() {
    return snapshot(false);
  }

  private String metadata() {
    synchronized (results) {
      try {
        return JSON.writeValueAsString(results);
      } catch (JsonProcessingException e) {
        return "{\"metadataError\":" + JSON.valueToTree(e.getOriginalMessage()) + "}";
      }
    }
  }

  boolean isDirty() {
    return dirty.get();
  }

  void markDirty() {
    dirty.set(true);
  }

  Instant lastFlush() {
    return lastFlush;
  }

  void flushedAt(Instant at) {
    lastFlush = at;
  }

  /** Asks the job to stop; the first reason wins. */
  synchronized void requestStop(StopReason reason, Instant at) {
    if (stopReason == null) {
      stopReason = reason;
      stopRequestedAt = at;
    }
  }

  StopReason stopReason() {
    return stopReason;
  }

  Instant stopRequestedAt() {
    return stopRequestedAt;
  }

  /**
   * Marks the moment a worker began the run. A run claimed ahead of free workers waits for one
   * after its claim, and its timeout counts from here, not from the claim.
   */
  void began(Instant at) {
    startedAt = at;
  }

  /** When a worker began the run; null while it waits for one. */
  Instant startedAt() {
    return startedAt;
  }

  /** When the run times out, or null when it has no timeout or has not begun. */
  Instant deadline() {
    Instant began = startedAt;
    return timeout == null || began == null ? null : began.plus(timeout);
  }

  Duration timeout() {
    return timeout;
  }

  /** Marks the thread that executes the job, so a stop it ignores can interrupt that thread. */
  synchronized void bind(Thread thread) {
    worker = thread;
  }

  /** Forgets the thread before it goes back to the pool, so no later task is interrupted. */
  synchronized void unbind() {
    worker = null;
  }

  /** Interrupts the job's thread, for a job that ignored its stop request. */
  synchronized void interrupt() {
    if (worker != null) {
      worker.interrupt();
    }
  }
}
