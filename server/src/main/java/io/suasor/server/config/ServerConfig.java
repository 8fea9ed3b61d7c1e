package io.suasor.server.config;

import io.suasor.media.maintenance.Retention;
import io.suasor.media.metadata.tmdb.TmdbSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How this server runs. Built once by {@link ConfigLoader}, never changed; {@link Setting} lists
 * where each value comes from.
 *
 * @param dataDir where the embedded SQLite database (and other local state) lives
 * @param databaseUrl a PostgreSQL JDBC URL; empty for the embedded SQLite database in {@code
 *     dataDir}
 * @param databaseUser the PostgreSQL user, when {@code databaseUrl} is set
 * @param databasePassword the PostgreSQL password, when {@code databaseUrl} is set
 * @param databasePoolSize connections to PostgreSQL
 * @param httpHost the address the HTTP server listens on
 * @param httpPort the port it listens on; 0 picks a free one
 * @param workers jobs executed at once by this node
 * @param corsOrigins browser origins allowed to call the API, e.g. {@code http://localhost:5173}
 * @param maxRequestBytes the largest request body accepted
 * @param secretKey the Base64 key that encrypts source secrets; empty to use (and on first start
 *     make) the key file in {@code dataDir}. Every node of a cluster needs the same key.
 * @param tmdb how to reach TMDB, when a key or token is configured; empty: metadata refreshes read
 *     local data only and new-release notifications know nothing of releases outside the libraries
 * @param web the base path and the metrics token
 * @param engine the engine's timings
 * @param retention how long maintenance keeps ended runs, notifications, recommendations, tokens
 * @param logging the log level and format
 */
public record ServerConfig(
    Path dataDir,
    Optional<String> databaseUrl,
    String databaseUser,
    String databasePassword,
    int databasePoolSize,
    String httpHost,
    int httpPort,
    int workers,
    List<String> corsOrigins,
    long maxRequestBytes,
    Optional<String> secretKey,
    Optional<TmdbSettings> tmdb,
    Web web,
    EngineTiming engine,
    Retention retention,
    LogSettings logging) {

  public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_WORKERS = 4;
  public static final int DEFAULT_DATABASE_POOL_SIZE = 10;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
  public static final String SQLITE_FILE_NAME = "suasor.db";
  public static final String SECRET_KEY_FILE_NAME = "secret.key";

  /**
   * What a reverse proxy needs.
   *
   * @param basePath the path everything is served under, e.g. {@code /suasor}; empty for the root
   * @param metricsToken the token {@code /metrics} requires; empty: it is open
   */
  public record Web(String basePath, Optional<String> metricsToken) {
    public static Web defaults() {
      return new Web("", Optional.empty());
    }

    @Override
    public String toString() {
      return "Web[basePath="
          + basePath
          + ", metricsToken="
          + (metricsToken.isPresent() ? "(set)" : "(none)")
          + "]";
    }
  }

  public ServerConfig {
    corsOrigins = List.copyOf(corsOrigins);
  }

  /** A configuration without TMDB, with the default web, engine, retention and log settings. */
  public ServerConfig(
      Path dataDir,
      Optional<String> databaseUrl,
      String databaseUser,
      String databasePassword,
      int databasePoolSize,
      String httpHost,
      int httpPort,
      int workers,
      List<String> corsOrigins,
      long maxRequestBytes,
      Optional<String> secretKey) {
    this(
        dataDir,
        databaseUrl,
        databaseUser,
        databasePassword,
        databasePoolSize,
        httpHost,
        httpPort,
        workers,
        corsOrigins,
        maxRequestBytes,
        secretKey,
        Optional.empty(),
        Web.defaults(),
        EngineTiming.defaults(),
        Retention.defaults(),
        LogSettings.defaults());
  }

  /** The embedded database file used when no database URL is configured. */
  public Path sqliteFile() {
    return dataDir.resolve(SQLITE_FILE_NAME);
  }

  /**
   * Fails when the embedded database is configured and its file does not exist: a command pointed
   * at the wrong folder would otherwise make a new, empty database there and answer as if nothing
   * had ever happened.
   */
  public void requireExistingDatabase() {
    if (databaseUrl.isEmpty() && !java.nio.file.Files.isRegularFile(sqliteFile())) {
      throw new ConfigException(
          "there is no Suasor database in "
              + dataDir.toAbsolutePath()
              + "; point --data-dir (or SUASOR_DATA_DIR, data.dir) at the server's data folder,"
              + " or run 'suasor migrate' to make a new database there");
    }
  }

  /** The file that holds the generated secret key when none is configured. */
  public Path secretKeyFile() {
    return dataDir.resolve(SECRET_KEY_FILE_NAME);
  }

  /** Where the database is, for messages; never includes the password. */
  public String describeDatabase() {
    return databaseUrl.map(url -> "PostgreSQL " + url).orElse("SQLite " + sqliteFile());
  }

  public ServerConfig withHttpPort(int port) {
    return toBuilder().httpPort(port).build();
  }

  public ServerConfig withTmdb(Optional<TmdbSettings> settings) {
    return toBuilder().tmdb(settings).build();
  }

  public ServerConfig withWeb(Web settings) {
    return toBuilder().web(settings).build();
  }

  /** A builder holding this configuration's values, to change some of them. */
  private Builder toBuilder() {
    return new Builder(this);
  }

  /** The values of a configuration, for a copy with some of them changed. */
  private static final class Builder {
    private Path dataDir;
    private Optional<String> databaseUrl;
    private String databaseUser;
    private String databasePassword;
    private int databasePoolSize;
    private String httpHost;
    private int httpPort;
    private int workers;
    private List<String> corsOrigins;
    private long maxRequestBytes;
    private Optional<String> secretKey;
    private Optional<TmdbSettings> tmdb;
    private Web web;
    private EngineTiming engine;
    private Retention retention;
    private LogSettings logging;

    private Builder(ServerConfig config) {
      dataDir = config.dataDir;
      databaseUrl = config.databaseUrl;
      databaseUser = config.databaseUser;
      databasePassword = config.databasePassword;
      databasePoolSize = config.databasePoolSize;
      httpHost = config.httpHost;
      httpPort = config.httpPort;
      workers = config.workers;
      corsOrigins = config.corsOrigins;
      maxRequestBytes = config.maxRequestBytes;
      secretKey = config.secretKey;
      tmdb = config.tmdb;
      web = config.web;
      engine = config.engine;
      retention = config.retention;
      logging = config.logging;
    }

    Builder httpPort(int value) {
      httpPort = value;
      return this;
    }

    Builder tmdb(Optional<TmdbSettings> value) {
      tmdb = value;
      return this;
    }

    Builder web(Web value) {
      web = value;
      return this;
    }

    ServerConfig build() {
      return new ServerConfig(
          dataDir,
          databaseUrl,
          databaseUser,
          databasePassword,
          databasePoolSize,
          httpHost,
          httpPort,
          workers,
          corsOrigins,
          maxRequestBytes,
          secretKey,
          tmdb,
          web,
          engine,
          retention,
          logging);
    }
  }

  /** Never shows the database password or the secret key. */
  @Override
  public String toString() {
    return "ServerConfig[dataDir="
        + dataDir
        + ", database="
        + describeDatabase()
        + ", http="
        + httpHost
        + ":"
        + httpPort
        + ", workers="
        + workers
        + ", "
        + web
        + ", tmdb="
        + tmdb
        + "]";
  }
}
