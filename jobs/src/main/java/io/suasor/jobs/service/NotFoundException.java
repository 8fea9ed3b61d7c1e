package io.suasor.jobs.service;

import io.suasor.jobs.JobsException;

/** The schedule or run asked for does not exist. */
public class NotFoundException extends JobsException {
  public NotFoundException(String message) {
    super(message);
  }
}
