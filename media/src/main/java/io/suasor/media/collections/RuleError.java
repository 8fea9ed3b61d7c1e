package io.suasor.media.collections;

/** What is wrong with one part of a rule, named by its JSON path (e.g. rules.all[2].year.from). */
public record RuleError(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
