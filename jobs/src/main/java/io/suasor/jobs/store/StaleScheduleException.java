package io.suasor.jobs.store;

/** A schedule was changed by someone else between reading it and writing it back. */
public class StaleScheduleException extends StoreException {
  public StaleScheduleException(String name, long expectedVersion) {
    super(
        "schedule '"
            + name
            + "' was changed by someone else since version "
            + expectedVersion
            + "; read it again and reapply the change");
  }
}
