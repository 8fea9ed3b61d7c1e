package io.suasor.jobs.service;

import io.suasor.jobs.JobsException;

/** The job already has as many pending or running runs for that user as it allows. */
public class JobBusyException extends JobsException {
  private final String jobName;

  public JobBusyException(String jobName, Long userId) {
    super(
        "job '"
            + jobName
            + "' is already running or waiting to run"
            + (userId == null ? "" : " for user " + userId)
            + "; wait for it to finish or cancel it");
    this.jobName = jobName;
  }

  public String jobName() {
    return jobName;
  }
}
