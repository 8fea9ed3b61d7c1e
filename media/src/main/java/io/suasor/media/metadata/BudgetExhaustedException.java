package io.suasor.media.metadata;

/**
 * A provider used up the requests a refresh may send it. The refresh stops there, leaving the items
 * it did not reach stale for the next run, which begins where this one stopped.
 */
public class BudgetExhaustedException extends MetadataException {
  public BudgetExhaustedException(String message) {
    super(message);
  }
}
