package io.suasor.jobs;

/**
 * The root of every exception the job engine throws. Unchecked, and carries enough context in its
 * message (job, run, schedule, statement) for a caller to act on it without reading logs.
 */
public class JobsException extends RuntimeException {
  public JobsException(String message) {
    super(message);
  }

  public JobsException(String message, Throwable cause) {
    super(message, cause);
  }
}
