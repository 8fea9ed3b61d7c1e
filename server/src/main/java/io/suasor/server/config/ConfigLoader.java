package io.suasor.server.config;

import io.suasor.media.metadata.tmdb.TmdbSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Builds the {@link ServerConfig} from, in rising precedence: the defaults, a {@code key=value}
 * properties file, environment variables, and command-line options. Every value is checked here,
 * and a wrong one is reported with where it came from and what to write instead.
 */
public final class ConfigLoader {

  /** A setting: its key in the file and its environment variable. */
  enum Setting {
    DATA_DIR("data.dir", "SUASOR_DATA_DIR"),
    DB_URL("db.url", "SUASOR_DB_URL"),
    DB_USER("db.user", "SUASOR_DB_USER"),
    DB_PASSWORD("db.password", "SUASOR_DB_PASSWORD"),
    DB_POOL_SIZE("db.pool.size", "SUASOR_DB_POOL_SIZE"),
    HTTP_HOST("http.host", "SUASOR_HTTP_HOST"),
    HTTP_PORT("http.port", "SUASOR_HTTP_PORT"),
    WORKERS("workers", "SUASOR_WORKERS"),
    CORS_ORIGINS("cors.origins", "SUASOR_CORS_ORIGINS"),
    MAX_REQUEST_BYTES("http.max.request.bytes", "SUASOR_HTTP_MAX_REQUEST_BYTES"),
    SECRET_KEY("secret.key", "SUASOR_SECRET_KEY"),
    TMDB_API_KEY("tmdb.apiKey", "SUASOR_TMDB_API_KEY"),
    TMDB_READ_ACCESS_TOKEN("tmdb.readAccessToken", "SUASOR_TMDB_READ_ACCESS_TOKEN"),
    TMDB_BASE_URL("tmdb.baseUrl", "SUASOR_TMDB_BASE_URL");

    final String key;
    final String env;

    Setting(String key, String env) {
      this.key = key;
      this.env = env;
    }
  }

  /** A raw value and a phrase saying where it came from. */
  private record Source(String value, String origin) {}

  private final Map<Setting, Source> values = new HashMap<>();

  private ConfigLoader() {}

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
    ConfigLoader loader = new ConfigLoader();
    configFile.ifPresent(loader::readFile);
    for (Setting setting : Setting.values()) {
      String value = environment.get(setting.env);
      if (value != null && !value.isBlank()) {
        loader.values.put(setting, new Source(value.trim(), "environment variable " + setting.env));
      }
    }
    overrides.forEach(
        (key, value) -> {
          Setting setting = loader.byKey(key, "the command line");
          loader.values.put(setting, new Source(value, "the command-line option for " + key));
        });
    return loader.build();
  }

  private void readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "config file " + file.toAbsolutePath() + " does not exist; fix the --config path");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "cannot read config file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    String origin = "'%s' in " + file.toAbsolutePath();
    for (String key : properties.stringPropertyNames()) {
      Setting setting = byKey(key, "config file " + file.toAbsolutePath());
      values.put(setting, new Source(properties.getProperty(key).trim(), origin.formatted(key)));
    }
  }

  private Setting byKey(String key, String where) {
    return Arrays.stream(Setting.values())
        .filter(s -> s.key.equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new ConfigException(
                    "unknown setting '"
                        + key
                        + "' in "
                        + where
                        + "; known settings are "
                        + String.join(
                            ", ", Arrays.stream(Setting.values()).map(s -> s.key).toList())));
  }

  private ServerConfig build() {
    Path dataDir = path(Setting.DATA_DIR, ServerConfig.DEFAULT_DATA_DIR);
    Optional<String> url = text(Setting.DB_URL).map(u -> databaseUrl(u));
    return new ServerConfig(
        dataDir,
        url,
        text(Setting.DB_USER).orElse(null),
        text(Setting.DB_PASSWORD).orElse(null),
        number(Setting.DB_POOL_SIZE, ServerConfig.DEFAULT_DATABASE_POOL_SIZE, 1, 500),
        host(),
        number(Setting.HTTP_PORT, ServerConfig.DEFAULT_HTTP_PORT, 0, 65_535),
        number(Setting.WORKERS, ServerConfig.DEFAULT_WORKERS, 1, 1000),
        origins(),
        number(Setting.MAX_REQUEST_BYTES, ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 1024, 1L << 30),
        secretKey(),
        tmdb());
  }

  /** TMDB's settings when a key or token is set; the base URL alone does not turn TMDB on. */
  private Optional<TmdbSettings> tmdb() {
    Optional<String> key = text(Setting.TMDB_API_KEY);
    Optional<String> token = text(Setting.TMDB_READ_ACCESS_TOKEN);
    if (key.isEmpty() && token.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> url = text(Setting.TMDB_BASE_URL);
    try {
      return Optional.of(TmdbSettings.of(url.orElse(null), key.orElse(null), token.orElse(null)));
    } catch (IllegalArgumentException e) {
      Setting culprit =
          url.isPresent() && e.getMessage().contains("tmdb.baseUrl")
              ? Setting.TMDB_BASE_URL
              : key.isPresent() ? Setting.TMDB_API_KEY : Setting.TMDB_READ_ACCESS_TOKEN;
      throw new ConfigException(describe(culprit) + ": " + e.getMessage());
    }
  }

  private Optional<String> secretKey() {
    Optional<String> key = text(Setting.SECRET_KEY);
    key.ifPresent(
        value -> {
          try {
            io.suasor.media.store.SecretBox.fromBase64(value);
          } catch (RuntimeException e) {
            throw new ConfigException(describe(Setting.SECRET_KEY) + ": " + e.getMessage());
          }
        });
    return key;
  }

  private Optional<String> text(Setting setting) {
    return Optional.ofNullable(values.get(setting)).map(Source::value).filter(v -> !v.isBlank());
  }

  private String describe(Setting setting) {
    Source source = values.get(setting);
    return source.origin() + " (" + setting.key + " in a config file, or " + setting.env + ")";
  }

  private Path path(Setting setting, Path fallback) {
    Optional<String> value = text(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Path.of(value.get());
    } catch (InvalidPathException e) {
      throw new ConfigException(
          describe(setting) + " is not a usable folder path: " + e.getMessage());
    }
  }

  private int number(Setting setting, int fallback, int min, int max) {
    return (int) number(setting, (long) fallback, min, max);
  }

  private long number(Setting setting, long fallback, long min, long max) {
    Optional<String> value = text(setting);
    if (value.isEmpty()) {
      return fallback;
    }
    long parsed;
    try {
      parsed = Long.parseLong(value.get());
    } catch (NumberFormatException e) {
      parsed = Long.MIN_VALUE;
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(
          describe(setting)
              + " is '"
              + value.get()
              + "'; set it to a whole number from "
              + min
              + " to "
              + max);
    }
    return parsed;
  }

  private String host() {
    String host = text(Setting.HTTP_HOST).orElse(ServerConfig.DEFAULT_HTTP_HOST);
    if (host.contains("/") || host.contains(" ") || host.contains(":") && !host.contains("::")) {
      throw new ConfigException(
          describe(Setting.HTTP_HOST)
              + " is '"
              + host
              + "'; set it to a host name or IP address without scheme or port,"
              + " such as 127.0.0.1 or 0.0.0.0");
    }
    return host;
  }

  private String databaseUrl(String url) {
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new ConfigException(
          describe(Setting.DB_URL)
              + " is '"
              + url
              + "'; set it to a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://localhost:5432/suasor, or leave it empty for the embedded"
              + " SQLite database in the data folder");
    }
    return url;
  }

  private List<String> origins() {
    Optional<String> value = text(Setting.CORS_ORIGINS);
    if (value.isEmpty()) {
      return List.of();
    }
    Map<String, String> origins = new LinkedHashMap<>();
    for (String origin : value.get().split(",")) {
      String trimmed = origin.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!(trimmed.startsWith("http://") || trimmed.startsWith("https://"))
          || trimmed.endsWith("/")
          || trimmed.indexOf('/', trimmed.indexOf("//") + 2) >= 0) {
        throw new ConfigException(
            describe(Setting.CORS_ORIGINS)
                + " has '"
                + trimmed
                + "'; list origins separated by commas, each a scheme and host with an optional"
                + " port and no path, such as http://localhost:5173");
      }
      origins.put(trimmed, trimmed);
    }
    return List.copyOf(origins.keySet());
  }

  /** The keys a config file may hold, for help texts. */
  public static Set<String> keys() {
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (Setting setting : Setting.values()) {
      keys.add(setting.key);
    }
    return keys;
  }
}
