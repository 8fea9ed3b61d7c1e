package io.suasor.jobs.store;

import java.time.Instant;

/**
 * The start of a run that {@code nodeId} claimed ahead of its workers and holds pending: written
 * only while the node still holds it (not cancelled, not given back), with the moment its worker
 * began it as its start time.
 */
public record HeldStart(long runId, String nodeId, Instant startedAt) {}
