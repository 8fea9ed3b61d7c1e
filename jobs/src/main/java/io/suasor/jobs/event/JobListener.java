package io.suasor.jobs.event;

/**
 * Receives the engine's lifecycle events. Events are delivered on the engine's own threads (the
 * loop, a worker, the completion writer, which announces the ends of many runs in turn), so a
 * listener must return quickly and hand slow work, such as writing to network clients, to a thread
 * of its own; what it throws is logged and skipped.
 */
@FunctionalInterface
public interface JobListener {
  void onEvent(JobEvent event);
}
