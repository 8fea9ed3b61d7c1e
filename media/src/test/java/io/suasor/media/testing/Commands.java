package io.suasor.media.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Programs the test fixtures run (supysonic's command line, sox), and their temporary folders. */
final class Commands {
  private Commands() {}

  /**
   * Runs a command in {@code folder}; fails, with its output, unless it exits 0 within a minute.
   */
  static void run(Path folder, String... command) throws IOException, InterruptedException {
    Path log = folder.resolve("command.log");
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command[0] + " took over a minute: " + Files.readString(log));
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          // The first words only: the rest may hold a password.
          command[0] + " " + command[1] + " failed: " + Files.readString(log));
    }
  }

  /**
   * A command to run in {@code folder}, its output to {@code log}, in UTC: supysonic writes its
   * dates without a zone, in local time, which the client reads as UTC.
   */
  static ProcessBuilder in(Path folder, Path log, String... command) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("TZ", "UTC");
    return builder;
  }

  static boolean installed(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  /** Deletes a folder and all in it, as far as it can: a temporary folder left is harmless. */
  static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Left for the system's temporary folder cleaning.
    }
  }
}
