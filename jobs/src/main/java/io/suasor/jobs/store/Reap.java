package io.suasor.jobs.store;

import io.suasor.jobs.model.NewRun;
import java.time.Instant;

/**
 * Failing a run whose node stopped heartbeating: only if it is still running on {@code deadNodeId}
 * and still silent since {@code heartbeatBefore}. The {@code retry}, when given, is inserted in the
 * same transaction.
 */
public record Reap(
    long runId,
    String deadNodeId,
    Instant heartbeatBefore,
    String message,
    NewRun retry,
    Instant now) {}
