package io.suasor.jobs.store;

import io.suasor.jobs.JobsException;

/** A database operation failed; the message names the operation and what it was working on. */
public class StoreException extends JobsException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
