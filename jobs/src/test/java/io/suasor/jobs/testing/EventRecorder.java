package io.suasor.jobs.testing;

import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records the engine's events and lets a test wait for one instead of sleeping. */
public final class EventRecorder implements JobListener {
  private final List<JobEvent> events = new ArrayList<>();

  @Override
  public synchronized void onEvent(JobEvent event) {
    events.add(event);
    notifyAll();
  }

  public synchronized List<JobEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<JobEvent> eventsOf(long runId) {
    return events.stream().filter(e -> e.runId() == runId).toList();
  }

  /** Waits up to 30 s for the event that ends {@code runId}, and returns the run as it ended. */
  public JobRun awaitFinished(long runId) {
    return ((JobEvent.RunFinished)
            await(
                e -> e instanceof JobEvent.RunFinished && e.runId() == runId,
                Duration.ofSeconds(30)))
        .run();
  }

  /** Waits up to 30 s for a RunStarted event of {@code runId}. */
  public void awaitStarted(long runId) {
    await(e -> e instanceof JobEvent.RunStarted && e.runId() == runId, Duration.ofSeconds(30));
  }

  public synchronized JobEvent await(Predicate<JobEvent> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (JobEvent event : events) {
        if (wanted.test(event)) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching event within " + timeout + "; saw " + events);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for an event", e);
      }
    }
  }
}
