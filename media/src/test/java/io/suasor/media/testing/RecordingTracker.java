package io.suasor.media.testing;

import io.suasor.media.WorkTracker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Records what work reports; cancels itself once a given number of items were processed. */
public final class RecordingTracker implements WorkTracker {
  private final Map<String, Long> stats = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private final long cancelAfter;

  private RecordingTracker(long cancelAfter) {
    this.cancelAfter = cancelAfter;
  }

  public static RecordingTracker watching() {
    return new RecordingTracker(Long.MAX_VALUE);
  }

  /** A tracker that asks the work to stop once {@code items} items were processed. */
  public static RecordingTracker cancellingAfter(long items) {
    return new RecordingTracker(items);
  }

  @Override
  public void total(long items) {
    total.set(items);
  }

  @Override
  public void advance(long items) {
    processed.addAndGet(items);
  }

  @Override
  public void message(String text) {}

  @Override
  public boolean cancelled() {
    return processed.get() >= cancelAfter;
  }

  @Override
  public void stat(String key, long delta) {
    stats.merge(key, delta, Long::sum);
  }

  public long stat(String key) {
    return stats.getOrDefault(key, 0L);
  }

  public Map<String, Long> stats() {
    return Map.copyOf(stats);
  }

  public long processed() {
    return processed.get();
  }

  public long total() {
    return total.get();
  }
}
