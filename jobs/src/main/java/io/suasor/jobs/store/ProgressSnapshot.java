package io.suasor.jobs.store;

/** What a run has reported so far, written in one statement. */
public record ProgressSnapshot(
    int progress, long totalItems, long processedItems, String statusMessage, String metadata) {

  public static final ProgressSnapshot NONE = new ProgressSnapshot(0, 0, 0, null, "{}");
}
