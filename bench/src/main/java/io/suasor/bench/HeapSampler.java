package io.suasor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest heap use seen while a phase runs, sampled every 5 ms: garbage not yet collected
 * counts, so it is what the phase needs of -Xmx at this GC's pace, not its live set.
 */
final class HeapSampler extends Thread {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private volatile boolean running = true;

  HeapSampler() {
    super("heap-sampler");
    setDaemon(true);
  }

  @Override
  public void run() {
    while (running) {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  long finish() throws InterruptedException {
    running = false;
    join();
    return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed());
  }
}
