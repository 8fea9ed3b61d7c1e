package io.suasor.jobs.store;

/** What a cancellation request did. */
public enum CancelOutcome {
  /** The run was pending and is now cancelled. */
  CANCELLED,
  /** The run is running; its owner was asked to stop it. */
  REQUESTED,
  /** The run had already ended; nothing changed. */
  ALREADY_ENDED,
  /** There is no such run. */
  NOT_FOUND
}
