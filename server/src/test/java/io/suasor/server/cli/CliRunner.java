package io.suasor.server.cli;

import io.suasor.jobs.Job;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs real CLI commands in this process on one data folder, keeping what each printed. */
final class CliRunner {
  private final Path dataDir;
  private final List<Job> jobs;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  CliRunner(Path dataDir, List<Job> jobs) {
    this.dataDir = dataDir;
    this.jobs = List.copyOf(jobs);
  }

  /** Runs {@code args} with {@code --data-dir} appended; returns the exit code. */
  int run(String... args) {
    out.reset();
    err.reset();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dataDir.toString();
    return new Cli(
            jobs,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of())
        .run(all);
  }

  /** What the last command printed on standard output. */
  String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What the last command printed on standard error. */
  String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
