package io.suasor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time one process has used, from /proc (Linux). */
final class ProcStat {
  /** /proc counts CPU time in ticks of USER_HZ, 100 a second on Linux. */
  private static final double TICK_MILLIS = 10.0;

  private ProcStat() {}

  /** User plus system CPU time of {@code pid} and of its threads, or 0 once it is gone. */
  static double cpuMillis(long pid) {
    try {
      String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
