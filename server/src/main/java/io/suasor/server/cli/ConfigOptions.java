package io.suasor.server.cli;

import io.suasor.server.config.ConfigLoader;
import io.suasor.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command takes to find its configuration and database. */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "A key=value properties file (keys: data.dir, db.url, db.user, db.password, http.host, http.port, workers, cors.origins, secret.key, tmdb.apiKey, tmdb.readAccessToken, tmdb.baseUrl)")
  Path configFile;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the embedded SQLite database lives (default ./data)")
  Path dataDir;

  ServerConfig load(Map<String, String> environment, Map<String, String> extra) {
    Map<String, String> overrides = new HashMap<>(extra);
    if (dataDir != null) {
      overrides.put("data.dir", dataDir.toString());
    }
    return ConfigLoader.load(Optional.ofNullable(configFile), environment, overrides);
  }
}
