package io.suasor.jobs.engine;

import java.time.Duration;

/** Durations as people read them: "2h 5m", "30s", "1.5s". */
final class Durations {
  private Durations() {}

  static String words(Duration duration) {
    if (duration == null) {
      return "none";
    }
    long millis = duration.toMillis();
    if (millis < 10_000) {
      return millis % 1000 == 0 ? (millis / 1000) + "s" : String.format("%.1fs", millis / 1000.0);
    }
    long seconds = duration.getSeconds();
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long secs = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append("h ");
    }
    if (minutes > 0) {
      text.append(minutes).append("m ");
    }
    if (secs > 0 || text.length() == 0) {
      text.append(secs).append("s");
    }
    return text.toString().trim();
  }
}
