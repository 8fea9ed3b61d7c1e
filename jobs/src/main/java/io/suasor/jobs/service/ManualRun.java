package io.suasor.jobs.service;

/**
 * A request to run a job now: for a user (null for system-wide) with parameters (a JSON object as
 * text, null for none).
 */
public record ManualRun(String jobName, Long userId, String parameters) {
  public static ManualRun of(String jobName) {
    return new ManualRun(jobName, null, null);
  }

  public ManualRun forUser(Long user) {
    return new ManualRun(jobName, user, parameters);
  }

  public ManualRun withParameters(String json) {
    return new ManualRun(jobName, userId, json);
  }
}
