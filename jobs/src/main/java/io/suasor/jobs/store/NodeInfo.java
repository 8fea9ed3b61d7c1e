package io.suasor.jobs.store;

import java.time.Instant;

/** An engine node as the registry knows it. */
public record NodeInfo(
    String nodeId, String host, long pid, Instant startedAt, Instant heartbeatAt) {}
