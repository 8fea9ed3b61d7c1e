package io.suasor.jobs.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How one engine node behaves. Built once, validated here, never changed.
 *
 * @param nodeId this node's name in the database; unique among nodes sharing a database
 * @param workerThreads runs executed at once on this node
 * @param pollInterval the longest the loop sleeps without a known due time or a wake-up
 * @param progressFlushInterval the least time between two progress writes of one run
 * @param heartbeatInterval how often running runs are stamped alive
 * @param deadRunThreshold how long without a heartbeat before another node fails a run
 * @param shutdownGrace how long stop waits for running runs before cancelling them
 * @param cancelGrace how long a cancelled run may take to notice before its thread is interrupted
 * @param misfireThreshold how late a fire may be before the schedule's misfire policy applies
 * @param maxCatchUp the most missed fires one catch-up schedule runs
 * @param logLinesPerRun the most log lines kept with one run
 */
public record EngineSettings(
    String nodeId,
    int workerThreads,
    Duration pollInterval,
    Duration progressFlushInterval,
    Duration heartbeatInterval,
    Duration deadRunThreshold,
    Duration shutdownGrace,
    Duration cancelGrace,
    Duration misfireThreshold,
    int maxCatchUp,
    int logLinesPerRun) {

  public static final int DEFAULT_WORKER_THREADS = 4;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_PROGRESS_FLUSH_INTERVAL = Duration.ofMillis(250);
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_DEAD_RUN_THRESHOLD = Duration.ofSeconds(30);
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MISFIRE_THRESHOLD = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_CATCH_UP = 10;
  public static final int DEFAULT_LOG_LINES_PER_RUN = 500;

  public EngineSettings {
    checkNodeId(nodeId);
    checkWorkerThreads(workerThreads);
    positive("pollInterval", pollInterval);
    positive("progressFlushInterval", progressFlushInterval);
    positive("heartbeatInterval", heartbeatInterval);
    positive("deadRunThreshold", deadRunThreshold);
    notNegative("shutdownGrace", shutdownGrace);
    notNegative("cancelGrace", cancelGrace);
    notNegative("misfireThreshold", misfireThreshold);
    if (deadRunThreshold.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "deadRunThreshold ("
              + deadRunThreshold
              + ") must be at least twice heartbeatInterval ("
              + heartbeatInterval
              + "), or live runs would be taken for dead");
    }
    checkMaxCatchUp(maxCatchUp);
    checkLogLinesPerRun(logLinesPerRun);
  }

  public static EngineSettings defaults(String nodeId) {
    return new EngineSettings(
        nodeId,
        DEFAULT_WORKER_THREADS,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_PROGRESS_FLUSH_INTERVAL,
        DEFAULT_HEARTBEAT_INTERVAL,
        DEFAULT_DEAD_RUN_THRESHOLD,
        DEFAULT_SHUTDOWN_GRACE,
        DEFAULT_CANCEL_GRACE,
        DEFAULT_MISFIRE_THRESHOLD,
        DEFAULT_MAX_CATCH_UP,
        DEFAULT_LOG_LINES_PER_RUN);
  }

  // The with… copies are validated like any settings: deadRunThreshold must stay at least twice
  // heartbeatInterval after each one, so raise the threshold before the heartbeat (the builder's
  // named setters apply all their values at once and need no order).

  public EngineSettings withNodeId(String value) {
    return new EngineSettings(
        value,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withWorkerThreads(int value) {
    return new EngineSettings(
        nodeId,
        value,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withPollInterval(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        value,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withProgressFlushInterval(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        value,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withHeartbeatInterval(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        value,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withDeadRunThreshold(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        value,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withShutdownGrace(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        value,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withCancelGrace(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        value,
        misfireThreshold,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withMisfireThreshold(Duration value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        value,
        maxCatchUp,
        logLinesPerRun);
  }

  public EngineSettings withMaxCatchUp(int value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        value,
        logLinesPerRun);
  }

  public EngineSettings withLogLinesPerRun(int value) {
    return new EngineSettings(
        nodeId,
        workerThreads,
        pollInterval,
        progressFlushInterval,
        heartbeatInterval,
        deadRunThreshold,
        shutdownGrace,
        cancelGrace,
        misfireThreshold,
        maxCatchUp,
        value);
  }

  static String checkNodeId(String value) {
    Objects.requireNonNull(value, "nodeId");
    if (value.isBlank() || value.length() > 200) {
      throw new IllegalArgumentException("nodeId must be 1 to 200 characters, was '" + value + "'");
    }
    return value;
  }

  static int checkWorkerThreads(int value) {
    if (value < 1 || value > 1000) {
      throw new IllegalArgumentException("workerThreads must be between 1 and 1000, was " + value);
    }
    return value;
  }

  static int checkMaxCatchUp(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("maxCatchUp must be at least 1, was " + value);
    }
    return value;
  }

  static int checkLogLinesPerRun(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("logLinesPerRun must not be negative, was " + value);
    }
    return value;
  }

  static Duration positive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
    }
    return value;
  }

  static Duration notNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }
}
