package io.suasor.server.config;

import io.suasor.media.maintenance.Retention;
import io.suasor.media.metadata.tmdb.TmdbSettings;
import io.suasor.media.store.SecretBox;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds the {@link ServerConfig} from, in rising precedence: the defaults, a {@code key=value}
 * properties file (from {@code --config} or {@value Setting#CONFIG_ENV}), environment variables,
 * and command-line options; {@link Setting} is the table of what each may set. Every value is
 * checked here, and a wrong one is reported with where it came from and what to write instead.
 */
public final class ConfigLoader {
  private final SettingValues values = new SettingValues();
  private final Map<String, String> environment;

  private ConfigLoader(Map<String, String> environment) {
    this.environment = environment;
  }

  /**
   * Reads the configuration.
   *
   * @param configFile a properties file, if one was given
   * @param environment the process environment
   * @param overrides settings from the command line, by file key (e.g. {@code data.dir})
   * @throws ConfigException when a setting is wrong; the message names it
   */
  public static ServerConfig load(
      Optional<Path> configFile, Map<String, String> environment, Map<String, String> overrides) {
    Map<Setting, String> options = new HashMap<>();
    overrides.forEach((key, value) -> options.put(byKey(key, "the command line"), value));
    return resolve(configFile, environment, options).config();
  }

  /**
   * Reads the configuration and says where each value came from.
   *
   * @param configFile a properties file from {@code --config}; when empty, the one {@value
   *     Setting#CONFIG_ENV} names, if set
   * @param options the values given as command-line options
   * @throws ConfigException when a setting is wrong; the message names it
   */
  public static EffectiveConfig resolve(
      Optional<Path> configFile, Map<String, String> environment, Map<Setting, String> options) {
    ConfigLoader loader = new ConfigLoader(environment);
    Optional<Path> file =
        configFile.or(
            () ->
                Optional.ofNullable(environment.get(Setting.CONFIG_ENV))
                    .filter(name -> !name.isBlank())
                    .map(name -> Path.of(name.trim())));
    file.ifPresent(loader::readFile);
    for (Setting setting : Setting.values()) {
      String value = environment.get(setting.env());
      if (value != null && !value.isBlank()) {
        loader.values.put(setting, value, Origin.env(setting.env()));
      }
    }
    options.forEach(
        (setting, value) -> loader.values.put(setting, value, Origin.option(setting.option())));
    ServerConfig config = loader.build();
    List<SettingValue> shown = new ArrayList<>();
    for (Setting setting : Setting.values()) {
      shown.add(
          loader
              .values
              .given(setting)
              .orElseGet(
                  () -> new SettingValue(setting, loader.defaultValue(setting), Origin.DEFAULT)));
    }
    return new EffectiveConfig(config, file.map(Path::toAbsolutePath), shown);
  }

  private String defaultValue(Setting setting) {
    return setting == Setting.DATA_DIR ? defaultDataDir().toString() : setting.defaultText();
  }

  private void readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file "
              + file.toAbsolutePath()
              + " does not exist; fix the --config path (or "
              + Setting.CONFIG_ENV
              + ")");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    for (String key : properties.stringPropertyNames()) {
      Setting setting = byKey(key, "config file " + file.toAbsolutePath());
      values.put(setting, properties.getProperty(key), Origin.file(file, key));
    }
  }

  private static Setting byKey(String key, String where) {
    return Setting.byKey(key)
        .orElseThrow(
            () ->
                new ConfigException(
                    "unknown setting '"
                        + key
                        + "' in "
                        + where
                        + "; known settings are "
                        + String.join(
                            ", ", Arrays.stream(Setting.values()).map(Setting::key).toList())));
  }

  /**
   * {@code $XDG_DATA_HOME/suasor}, else {@code ~/.local/share/suasor}: an absolute place, so that a
   * command run from another folder finds the same database.
   */
  private Path defaultDataDir() {
    String xdg = environment.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg.trim()).isAbsolute()) {
      return Path.of(xdg.trim(), "suasor");
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "share", "suasor").toAbsolutePath();
  }

  private ServerConfig build() {
    Path dataDir = values.path(Setting.DATA_DIR, defaultDataDir());
    return new ServerConfig(
        dataDir,
        values.text(Setting.DB_URL).map(this::databaseUrl),
        values.text(Setting.DB_USER).orElse(null),
        values.text(Setting.DB_PASSWORD).orElse(null),
        values.number(Setting.DB_POOL_SIZE, ServerConfig.DEFAULT_DATABASE_POOL_SIZE, 1, 500),
        ConfigChecks.host(values),
        values.number(Setting.HTTP_PORT, ServerConfig.DEFAULT_HTTP_PORT, 0, 65_535),
        values.number(Setting.WORKERS, ServerConfig.DEFAULT_WORKERS, 1, 1000),
        ConfigChecks.origins(values),
        values.number(
            Setting.HTTP_MAX_REQUEST_BYTES, ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 1024, 1L << 30),
        secretKey(),
        tmdb(),
        new ServerConfig.Web(ConfigChecks.basePath(values), values.text(Setting.METRICS_TOKEN)),
        engine(),
        retention(),
        new LogSettings(
            values.choice(Setting.LOG_LEVEL, "info", "error", "warn", "info", "debug", "trace"),
            values.choice(Setting.LOG_FORMAT, "text", "text", "json").equals("json")));
  }

  private EngineTiming engine() {
    EngineTiming defaults = EngineTiming.defaults();
    Duration millisecond = Duration.ofMillis(1);
    Duration heartbeat =
        values.duration(
            Setting.ENGINE_HEARTBEAT_INTERVAL, defaults.heartbeatInterval(), millisecond);
    Duration dead =
        values.duration(
            Setting.ENGINE_DEAD_RUN_THRESHOLD, defaults.deadRunThreshold(), millisecond);
    if (dead.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw values.wrong(
          Setting.ENGINE_DEAD_RUN_THRESHOLD,
          "set it to at least twice "
              + Setting.ENGINE_HEARTBEAT_INTERVAL.key()
              + " ("
              + heartbeat.multipliedBy(2).toMillis()
              + "ms), or live runs would be taken for dead");
    }
    return new EngineTiming(
        values.duration(Setting.ENGINE_POLL_INTERVAL, defaults.pollInterval(), millisecond),
        heartbeat,
        dead,
        values.duration(Setting.ENGINE_SHUTDOWN_GRACE, defaults.shutdownGrace(), Duration.ZERO));
  }

  private Retention retention() {
    Retention defaults = Retention.defaults();
    return new Retention(
        values.duration(Setting.RETENTION_RUNS, defaults.runs(), Duration.ZERO),
        values.duration(Setting.RETENTION_NOTIFICATIONS, defaults.notifications(), Duration.ZERO),
        values.duration(
            Setting.RETENTION_RECOMMENDATIONS, defaults.recommendations(), Duration.ZERO),
        values.duration(Setting.RETENTION_TOKENS, defaults.tokens(), Duration.ZERO),
        defaults.batchSize());
  }

  /** TMDB's settings when a key or token is set; the base URL alone does not turn TMDB on. */
  private Optional<TmdbSettings> tmdb() {
    Optional<String> key = values.text(Setting.TMDB_API_KEY);
    Optional<String> token = values.text(Setting.TMDB_READ_ACCESS_TOKEN);
    if (key.isEmpty() && token.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> url = values.text(Setting.TMDB_BASE_URL);
    try {
      return Optional.of(TmdbSettings.of(url.orElse(null), key.orElse(null), token.orElse(null)));
    } catch (IllegalArgumentException e) {
      Setting culprit =
          url.isPresent() && e.getMessage().contains("tmdb.baseUrl")
              ? Setting.TMDB_BASE_URL
              : key.isPresent() ? Setting.TMDB_API_KEY : Setting.TMDB_READ_ACCESS_TOKEN;
      throw new ConfigException(values.describe(culprit) + ": " + e.getMessage());
    }
  }

  private Optional<String> secretKey() {
    Optional<String> key = values.text(Setting.SECRET_KEY);
    key.ifPresent(
        value -> {
          try {
            SecretBox.fromBase64(value);
          } catch (RuntimeException e) {
            throw new ConfigException(values.describe(Setting.SECRET_KEY) + ": " + e.getMessage());
          }
        });
    return key;
  }

  private String databaseUrl(String url) {
    if (!url.startsWith("jdbc:postgresql://")) {
      throw values.wrong(
          Setting.DB_URL,
          "set it to a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/suasor, or"
              + " leave it empty for the embedded SQLite database in the data folder");
    }
    return url;
  }
}
