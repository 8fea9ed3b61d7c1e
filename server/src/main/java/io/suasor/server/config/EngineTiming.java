package io.suasor.server.config;

import io.suasor.jobs.engine.EngineSettings;
import java.time.Duration;

/**
 * The engine's timings an operator may change; the rest of {@link EngineSettings} keeps its
 * defaults.
 *
 * @param pollInterval the longest the engine waits before looking for due work again
 * @param heartbeatInterval how often running runs are stamped alive
 * @param deadRunThreshold how long without a heartbeat before another node fails a run
 * @param shutdownGrace how long stopping waits for running runs before cancelling them
 */
public record EngineTiming(
    Duration pollInterval,
    Duration heartbeatInterval,
    Duration deadRunThreshold,
    Duration shutdownGrace) {

  public static EngineTiming defaults() {
    return new EngineTiming(
        EngineSettings.DEFAULT_POLL_INTERVAL,
        EngineSettings.DEFAULT_HEARTBEAT_INTERVAL,
        EngineSettings.DEFAULT_DEAD_RUN_THRESHOLD,
        EngineSettings.DEFAULT_SHUTDOWN_GRACE);
  }
}
