package io.suasor.media;

/**
 * What a long piece of media work reports to whoever runs it, and how it learns it should stop. The
 * engine's job context adapts to it; tests pass a recording one.
 */
public interface WorkTracker {
  /** The number of items the work expects to process; may be called again when it learns more. */
  void total(long items);

  /** {@code items} more were processed. */
  void advance(long items);

  /** A human-readable line about what the work is doing now. */
  void message(String text);

  /** Whether the work was asked to stop; checked between items and batches. */
  boolean cancelled();

  /** Adds {@code delta} to the named statistic of the run. */
  void stat(String key, long delta);

  /** Throws {@link WorkCancelledException} when the work was asked to stop. */
  default void checkCancelled() {
    if (cancelled()) {
      throw new WorkCancelledException();
    }
  }

  /** A tracker that records nothing and is never cancelled, for callers that do not watch. */
  static WorkTracker none() {
    return new WorkTracker() {
      @Override
      public void total(long items) {}

      @Override
      public void advance(long items) {}

      @Override
      public void message(String text) {}

      @Override
      public boolean cancelled() {
        return false;
      }

      @Override
      public void stat(String key, long delta) {}
    };
  }
}
