package io.suasor.server;

import io.suasor.server.cli.Cli;
import java.util.List;

/** {@code java -jar suasor.jar [command]}: the CLI, serving by default. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // The media domain's system jobs are the application's own; this list is for jobs beyond them.
    int exit = new Cli(List.of(), System.out, System.err, System.getenv()).run(args);
    if (exit != Cli.KEEP_RUNNING) {
      System.exit(exit);
    }
  }
}
