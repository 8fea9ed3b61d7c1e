package io.suasor.jobs;

/**
 * A run's own log: each line is kept with the run, so the dashboard can show it, and also goes to
 * SLF4J with the job name and run id in the MDC. Messages use SLF4J's {@code {}} placeholders.
 */
public interface RunLog {
  void info(String message, Object... args);

  void warn(String message, Object... args);

  void error(String message, Object... args);
}
