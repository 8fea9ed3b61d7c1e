package io.suasor.media.source;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one scan; a problem never stops the scan. Thread-safe. */
public final class ScanProblems {
  private final List<ScanProblem> problems = new ArrayList<>();

  public synchronized void report(String path, String problem) {
    problems.add(new ScanProblem(path, problem));
  }

  public synchronized List<ScanProblem> list() {
    return List.copyOf(problems);
  }
}
