package io.suasor.jobs.store;

/** A run a node is executing, as its heartbeat sees it: whether someone asked to cancel it. */
public record RunningRun(long runId, boolean cancelRequested) {}
