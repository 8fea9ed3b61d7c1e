package io.suasor.jobs.service;

import io.suasor.jobs.JobsException;

/** No job of that name is registered. */
public class UnknownJobException extends JobsException {
  private final String jobName;

  public UnknownJobException(String jobName, java.util.Collection<String> known) {
    super(
        "there is no job named '" + jobName + "'; registered jobs are " + String.join(", ", known));
    this.jobName = jobName;
  }

  public String jobName() {
    return jobName;
  }
}
