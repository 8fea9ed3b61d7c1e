package io.suasor.jobs.store;

import java.time.Instant;

/** One line a run logged, kept with the run. */
public record LogLine(Instant loggedAt, String level, String message) {}
