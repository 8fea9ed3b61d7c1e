package io.suasor.server.cli;

import picocli.CommandLine.Option;

/** {@code --json} on the commands that list or report: their answer as the API would give it. */
final class JsonOption {
  @Option(
      names = "--json",
      description = "Print the answer as JSON (as the API's data), for scripts")
  boolean requested;
}
