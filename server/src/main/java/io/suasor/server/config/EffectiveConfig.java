package io.suasor.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration and, for each setting, the value in force and where it came from, as {@code
 * suasor config check} shows them.
 *
 * @param config the configuration built from the values
 * @param file the config file read, if any
 * @param values every setting, in the table's order
 */
public record EffectiveConfig(ServerConfig config, Optional<Path> file, List<SettingValue> values) {
  public EffectiveConfig {
    values = List.copyOf(values);
  }
}
