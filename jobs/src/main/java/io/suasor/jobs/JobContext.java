package io.suasor.jobs;

import io.suasor.jobs.model.Trigger;
import java.time.Clock;
import java.util.Optional;

/**
 * What a running job knows about its run and how it talks back to the engine. Progress, results and
 * log lines are kept in memory and written in batches, so a job may report every item.
 */
public interface JobContext {
  long runId();

  String jobName();

  /** The user a user-scoped run works for; empty for system-wide runs. */
  Optional<Long> userId();

  /** The run's parameters, a JSON object as text ({@code {}} when none were given). */
  String parameters();

  Trigger trigger();

  /** 1 for the first attempt, 2 for the first retry, and so on. */
  int attempt();

  /** The engine's clock; jobs that need "now" should read it here. */
  Clock clock();

  /** Whether the run was asked to stop (cancelled, timed out, or the node is shutting down). */
  boolean isCancelled();

  /** Throws {@link JobCancelledException} when {@link #isCancelled()}; call it between items. */
  void checkCancelled();

  /** Sets how many items the run will process; progress becomes processed ÷ total. */
  void totalItems(long total);

  /** Adds {@code count} processed items. */
  void advance(long count);

  /** Sets the percentage (0–100) directly, with a status message (may be null). */
  void progress(int percent, String message);

  /** Sets the status message shown beside the progress. */
  void message(String text);

  /** Records a statistic in the run's metadata, replacing an earlier value of the key. */
  void result(String key, Object value);

  /** Adds {@code delta} to a numeric statistic in the run's metadata. */
  void count(String key, long delta);

  /** A logger whose lines are kept with the run (bounded) and also go to SLF4J. */
  RunLog log();
}
