package io.suasor.media;

/** The work stopped between two items because it was asked to; what it committed stays valid. */
public class WorkCancelledException extends MediaException {
  public WorkCancelledException() {
    super("the work was cancelled");
  }
}
