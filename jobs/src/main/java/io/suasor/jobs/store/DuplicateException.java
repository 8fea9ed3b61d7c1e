package io.suasor.jobs.store;

/**
 * A row that must be unique already exists: a schedule name that is taken, or a run for a fire
 * instant that already has one.
 */
public class DuplicateException extends StoreException {
  public DuplicateException(String message) {
    super(message);
  }
}
