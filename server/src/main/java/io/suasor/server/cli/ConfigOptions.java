package io.suasor.server.cli;

import io.suasor.server.config.ConfigLoader;
import io.suasor.server.config.EffectiveConfig;
import io.suasor.server.config.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every command takes to find its configuration and database: {@code --config} and one
 * option per {@link Setting}, made from the table so that help, file, environment and options
 * cannot drift apart. The loader, not picocli, merges them, because it must know where each value
 * came from (for {@code config check} and for error messages) and because picocli would apply a
 * default provider before reading {@code --config}, which names the file the defaults come from.
 */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A key=value properties file of the settings below (default: the file "
              + Setting.CONFIG_ENV
              + " names, if set)")
  Path configFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** Adds an option per setting to each command in {@code line} that takes these options. */
  static void addSettingOptions(CommandLine line) {
    CommandSpec spec = line.getCommandSpec();
    if (spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof ConfigOptions)) {
      for (Setting setting : Setting.values()) {
        String[] names =
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(setting.option()), setting.aliases().stream())
                .toArray(String[]::new);
        spec.addOption(
            OptionSpec.builder(names)
                .paramLabel(setting.secret() ? "SECRET" : "VALUE")
                .type(String.class)
                .description(
                    setting.description()
                        + " (default: "
                        + setting.defaultText()
                        + "; file key "
                        + setting.key()
                        + ", env "
                        + setting.env()
                        + ")")
                .build());
      }
    }
    line.getSubcommands().values().forEach(ConfigOptions::addSettingOptions);
  }

  /**
   * The configuration from the file, the environment and the options, given to this command or
   * before it to the root command ({@code suasor --config FILE jobs list}); the nearer wins.
   */
  EffectiveConfig resolve(Map<String, String> environment) {
    Map<Setting, String> options = new EnumMap<>(Setting.class);
    Path file = null;
    for (CommandSpec spec = command; spec != null; spec = spec.parent()) {
      for (Setting setting : Setting.values()) {
        OptionSpec option = spec.findOption(setting.option());
        if (option != null && option.getValue() != null) {
          options.putIfAbsent(setting, option.getValue());
        }
      }
      for (CommandSpec mixin : spec.mixins().values()) {
        if (file == null && mixin.userObject() instanceof ConfigOptions given) {
          file = given.configFile;
        }
      }
    }
    return ConfigLoader.resolve(Optional.ofNullable(file), environment, options);
  }
}
