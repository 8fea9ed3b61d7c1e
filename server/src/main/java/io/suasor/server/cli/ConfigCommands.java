package io.suasor.server.cli;

import io.suasor.server.config.EffectiveConfig;
import io.suasor.server.config.SettingValue;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config check}. */
final class ConfigCommands {
  private ConfigCommands() {}

  @Command(name = "config", description = "Look at the configuration.")
  static final class Config {}

  static CommandLine create(Cli cli) {
    CommandLine config = new CommandLine(new Config());
    config.addSubcommand("check", new Check(cli));
    return config;
  }

  @Command(
      name = "check",
      description =
          "Print every setting's value in force and where it came from (default, file, env or"
              + " option), secrets masked; exit code 1 and a line saying what to change when a"
              + " value is wrong. Opens no database.")
  static final class Check implements Callable<Integer> {
    private final Cli cli;
    @Mixin ConfigOptions options;

    Check(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      EffectiveConfig effective = options.resolve(cli.environment());
      PrintStream out = cli.out();
      out.println(
          effective.file().map(file -> "config file: " + file).orElse("config file: (none)"));
      int width =
          effective.values().stream().mapToInt(v -> v.setting().key().length()).max().orElse(0);
      for (SettingValue value : effective.values()) {
        out.printf(
            "%-" + width + "s = %-40s %s%n", value.setting().key(), value.shown(), value.origin());
      }
      return 0;
    }
  }
}
