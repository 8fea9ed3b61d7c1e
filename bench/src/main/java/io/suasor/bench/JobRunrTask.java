package io.suasor.bench;

/**
 * The job JobRunr runs: a public static method of a public class, which JobRunr finds by analysing
 * the lambda's bytecode and calls by reflection.
 */
public final class JobRunrTask {
  private JobRunrTask() {}

  public static void run(long dueMillis) {
    Probe.executed(dueMillis);
  }
}
