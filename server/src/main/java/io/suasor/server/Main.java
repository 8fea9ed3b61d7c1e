package io.suasor.server;

import io.suasor.server.cli.Cli;
import java.util.List;

/** {@code java -jar suasor.jar [command]}: the CLI, serving by default. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // The jobs of the media module join this list when that module lands.
    int exit = new Cli(List.of(), System.out, System.err, System.getenv()).run(args);
    if (exit != Cli.KEEP_RUNNING) {
      System.exit(exit);
    }
  }
}
