package io.suasor.server.config;

/**
 * Where a setting's value came from.
 *
 * @param kind default, file, env or option
 * @param where the file and key, the variable or the option; empty for a default
 */
public record Origin(String kind, String where) {
  public static final Origin DEFAULT = new Origin("default", "");

  static Origin file(java.nio.file.Path file, String key) {
    return new Origin("file", key + " in " + file.toAbsolutePath());
  }

  static Origin env(String variable) {
    return new Origin("env", variable);
  }

  static Origin option(String option) {
    return new Origin("option", option);
  }

  /** As a phrase in a message: "environment variable SUASOR_HTTP_PORT". */
  String phrase() {
    return switch (kind) {
      case "file" -> "'" + where.replaceFirst(" in ", "' in ");
      case "env" -> "environment variable " + where;
      case "option" -> "the command-line option " + where;
      default -> "the default";
    };
  }

  @Override
  public String toString() {
    return where.isEmpty() ? kind : kind + " (" + where + ")";
  }
}
