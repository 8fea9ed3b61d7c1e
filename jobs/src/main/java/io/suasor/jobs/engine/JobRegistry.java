package io.suasor.jobs.engine;

import io.suasor.jobs.Job;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The jobs this node can execute, by name. */
public final class JobRegistry {
  private final Map<String, Job> jobs = new ConcurrentSkipListMap<>();

  /**
   * Adds a job.
   *
   * @throws IllegalArgumentException when another job already has its name
   */
  public void register(Job job) {
    String name = job.name();
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "a job needs a non-blank name(); " + job.getClass().getName() + " has none");
    }
    Job previous = jobs.putIfAbsent(name, job);
    if (previous != null && previous != job) {
      throw new IllegalArgumentException(
          "two jobs are named '"
              + name
              + "': "
              + previous.getClass().getName()
              + " and "
              + job.getClass().getName());
    }
  }

  public Optional<Job> find(String name) {
    return Optional.ofNullable(jobs.get(name));
  }

  public boolean contains(String name) {
    return jobs.containsKey(name);
  }

  /** The names of the registered jobs, sorted. */
  public List<String> names() {
    return List.copyOf(jobs.keySet());
  }

  /** Every registered job, by name. */
  public Collection<Job> all() {
    return List.copyOf(jobs.values());
  }
}
