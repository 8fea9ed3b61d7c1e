package io.suasor.jobs.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to listeners; one listener's failure never reaches the engine or the others. */
public final class Listeners implements JobListener {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

  public void add(JobListener listener) {
    listeners.add(listener);
  }

  public void remove(JobListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void onEvent(JobEvent event) {
    for (JobListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.warn("listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
