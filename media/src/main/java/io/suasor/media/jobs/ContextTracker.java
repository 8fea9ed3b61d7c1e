package io.suasor.media.jobs;

import io.suasor.jobs.JobContext;
import io.suasor.media.WorkTracker;

/** The engine's job context seen as a {@link WorkTracker}: progress, statistics, cancellation. */
final class ContextTracker implements WorkTracker {
  private final JobContext context;

  ContextTracker(JobContext context) {
    this.context = context;
  }

  @Override
  public void total(long items) {
    context.totalItems(items);
  }

  @Override
  public void advance(long items) {
    context.advance(items);
  }

  @Override
  public void message(String text) {
    context.message(text);
  }

  @Override
  public boolean cancelled() {
    return context.isCancelled();
  }

  /** The engine's own exception, so that the run ends as cancelled rather than failed. */
  @Override
  public void checkCancelled() {
    context.checkCancelled();
  }

  @Override
  public void stat(String key, long delta) {
    context.count(key, delta);
  }
}
