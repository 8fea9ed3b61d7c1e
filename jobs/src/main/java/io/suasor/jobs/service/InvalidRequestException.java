package io.suasor.jobs.service;

import io.suasor.jobs.JobsException;

/** A request the service cannot carry out as given; the message says what to change. */
public class InvalidRequestException extends JobsException {
  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The name of the offending field, as the API spells it. */
  public String field() {
    return field;
  }
}
