package io.suasor.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table of settings. Each is a key in the config file, an environment variable and a
 * command-line option; the loader, {@code --help}, {@code config check} and docs/OPERATING.md all
 * read this table, so a new setting is added here once.
 */
public enum Setting {
  DATA_DIR(
      "data.dir",
      "$XDG_DATA_HOME/suasor, else ~/.local/share/suasor",
      "Where the embedded SQLite database, the secret key file and the demo library live"),
  DB_URL(
      "db.url",
      "(empty: SQLite in the data folder)",
      "A PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/suasor"),
  DB_USER("db.user", "(none)", "The PostgreSQL user"),
  DB_PASSWORD("db.password", "(none)", "The PostgreSQL password", true),
  DB_POOL_SIZE("db.pool.size", "10", "Connections to PostgreSQL"),
  HTTP_HOST("http.host", "127.0.0.1", "The address to listen on; 0.0.0.0 for every interface"),
  HTTP_PORT("http.port", "8080", "The HTTP port; 0 picks a free one"),
  HTTP_BASE_PATH(
      "http.base.path",
      "(empty: served at /)",
      "The path the API and dashboard are served under behind a reverse proxy, e.g. /suasor"),
  HTTP_MAX_REQUEST_BYTES("http.max.request.bytes", "1048576", "The largest request body accepted"),
  CORS_ORIGINS(
      "cors.origins",
      "(none)",
      "Browser origins allowed to call the API, separated by commas, e.g. http://localhost:5173"),
  METRICS_TOKEN(
      "metrics.token",
      "(empty: /metrics is open)",
      "A token /metrics requires as 'Authorization: Bearer <token>'",
      true),
  WORKERS("workers", "4", "Runs executed at once by this node"),
  ENGINE_POLL_INTERVAL(
      "engine.poll.interval",
      "30s",
      "The longest the engine waits before looking for due work again (e.g. 500ms, 30s, 5m)"),
  ENGINE_HEARTBEAT_INTERVAL(
      "engine.heartbeat.interval", "5s", "How often this node stamps its running runs alive"),
  ENGINE_DEAD_RUN_THRESHOLD(
      "engine.dead.run.threshold",
      "30s",
      "How long a run may miss heartbeats before another node fails it; at least twice the"
          + " heartbeat interval"),
  ENGINE_SHUTDOWN_GRACE(
      "engine.shutdown.grace",
      "10s",
      "How long stopping waits for running runs before cancelling them"),
  RETENTION_RUNS("retention.runs", "30d", "How long ended runs and their logs are kept"),
  RETENTION_NOTIFICATIONS(
      "retention.notifications", "7d", "How long notifications are kept after they expire"),
  RETENTION_RECOMMENDATIONS(
      "retention.recommendations", "30d", "How long recommendations are kept after they expire"),
  RETENTION_TOKENS("retention.tokens", "7d", "How long API tokens are kept after they expire"),
  LOG_LEVEL("log.level", "info", "The least level logged: error, warn, info, debug or trace"),
  LOG_FORMAT(
      "log.format", "text", "text (a dated line per event) or json (a JSON object per line)"),
  SECRET_KEY(
      "secret.key",
      "(empty: the key file secret.key in the data folder, made on first start)",
      "The Base64 key of 32 bytes that encrypts source secrets; every node needs the same",
      true),
  TMDB_API_KEY("tmdb.apiKey", "(none)", "A TMDB API key (v3): metadata and releases", true),
  TMDB_READ_ACCESS_TOKEN(
      "tmdb.readAccessToken", "(none)", "A TMDB read-access token (v4), instead of a key", true),
  TMDB_BASE_URL("tmdb.baseUrl", "https://api.themoviedb.org/3", "TMDB's API address");

  /** The environment variable that names a config file when {@code --config} does not. */
  public static final String CONFIG_ENV = "SUASOR_CONFIG";

  private final String key;
  private final String defaultText;
  private final String description;
  private final boolean secret;

  Setting(String key, String defaultText, String description) {
    this(key, defaultText, description, false);
  }

  Setting(String key, String defaultText, String description, boolean secret) {
    this.key = key;
    this.defaultText = defaultText;
    this.description = description;
    this.secret = secret;
  }

  /** The key in a config file, e.g. {@code http.port}. */
  public String key() {
    return key;
  }

  /** The environment variable, e.g. {@code SUASOR_HTTP_PORT} or {@code SUASOR_TMDB_API_KEY}. */
  public String env() {
    return "SUASOR_" + words().replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The command-line option, e.g. {@code --http-port} or {@code --tmdb-api-key}. */
  public String option() {
    return "--" + words();
  }

  /** Shorter option names kept from earlier versions. */
  public List<String> aliases() {
    return switch (this) {
      case HTTP_PORT -> List.of("--port");
      case HTTP_HOST -> List.of("--host");
      default -> List.of();
    };
  }

  /** The default, as a reader should see it. */
  public String defaultText() {
    return defaultText;
  }

  public String description() {
    return description;
  }

  /** A password, key or token: masked wherever it is shown. */
  public boolean secret() {
    return secret;
  }

  /** The key's words, lower case, separated by hyphens: {@code tmdb.apiKey} is tmdb-api-key. */
  private String words() {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (c == '.' || Character.isUpperCase(c)) {
        words.add(word.toString());
        word.setLength(0);
      }
      if (c != '.') {
        word.append(Character.toLowerCase(c));
      }
    }
    words.add(word.toString());
    return String.join("-", words);
  }

  /** The setting whose file key is {@code key}, if any. */
  public static java.util.Optional<Setting> byKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return java.util.Optional.of(setting);
      }
    }
    return java.util.Optional.empty();
  }
}
