package io.suasor.jobs;

/** Thrown by {@link JobContext#checkCancelled()} to unwind a job that was asked to stop. */
public class JobCancelledException extends JobsException {
  public JobCancelledException(String reason) {
    super(reason);
  }
}
