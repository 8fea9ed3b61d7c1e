package io.suasor.jobs.event;

/** Receives the engine's lifecycle events. */
@FunctionalInterface
public interface JobListener {
  void onEvent(JobEvent event);
}
