package io.suasor.server.config;

/**
 * How the server logs to standard error.
 *
 * @param level the least level logged: error, warn, info, debug or trace
 * @param json one JSON object per line, for log collectors, instead of text lines
 */
public record LogSettings(String level, boolean json) {
  public static LogSettings defaults() {
    return new LogSettings("info", false);
  }
}
