package io.suasor.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @Test
  void defaultsRunOnSqliteInTheUsersDataFolderOnLoopback8080() {
    ServerConfig config =
        ConfigLoader.load(Optional.empty(), Map.of("HOME", "/home/dana"), Map.of());
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.sqliteFile()).isEqualTo(Path.of("/home/dana/.local/share/suasor/suasor.db"));
    assertThat(
            ConfigLoader.load(
                    Optional.empty(),
                    Map.of("HOME", "/home/dana", "XDG_DATA_HOME", "/srv/data"),
                    Map.of())
                .dataDir())
        .isEqualTo(Path.of("/srv/data/suasor"));
    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.corsOrigins()).isEmpty();
  }

  @Test
  void environmentOverridesTheFileAndTheCommandLineOverridesBoth(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("suasor.properties");
    Files.writeString(file, "http.port=9000\nworkers=2\ndata.dir=/var/lib/suasor\n");
    ServerConfig config =
        ConfigLoader.load(
            Optional.of(file),
            Map.of(
                "SUASOR_HTTP_PORT", "9100",
                "SUASOR_DB_URL", "jdbc:postgresql://db:5432/suasor",
                "SUASOR_CORS_ORIGINS", "http://localhost:5173, https://media.example.org"),
            Map.of("data.dir", "/tmp/x"));
    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.workers()).isEqualTo(2);
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.databaseUrl()).hasValue("jdbc:postgresql://db:5432/suasor");
    assertThat(config.corsOrigins())
        .isEqualTo(List.of("http://localhost:5173", "https://media.example.org"));
  }

  @Test
  void theSecretKeyIsCheckedWhereItIsGiven() {
    String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    assertThat(
            ConfigLoader.load(Optional.empty(), Map.of("SUASOR_SECRET_KEY", key), Map.of())
                .secretKey())
        .hasValue(key);
    assertThat(
            ConfigLoader.load(Optional.empty(), Map.of("XDG_DATA_HOME", "/srv"), Map.of())
                .secretKeyFile())
        .isEqualTo(Path.of("/srv", "suasor", "secret.key"));
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_SECRET_KEY", "dG9vIHNob3J0"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SUASOR_SECRET_KEY")
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("dG9vIHNob3J0");
  }

  @Test
  void badSettingsAreNamedWithWhatToChange(@TempDir Path dir) throws IOException {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(Optional.empty(), Map.of("SUASOR_HTTP_PORT", "eighty"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SUASOR_HTTP_PORT")
        .hasMessageContaining("whole number from 0 to 65535");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(Optional.empty(), Map.of("SUASOR_DB_URL", "mysql://x"), Map.of()))
        .hasMessageContaining("SUASOR_DB_URL")
        .hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_CORS_ORIGINS", "localhost:5173/"), Map.of()))
        .hasMessageContaining("SUASOR_CORS_ORIGINS");
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "http.prot=1\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
        .hasMessageContaining("http.prot")
        .hasMessageContaining("http.port");
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.of(dir.resolve("missing")), Map.of(), Map.of()))
        .hasMessageContaining("--config");
  }

  @Test
  void tmdbIsOnWhenAKeyOrTokenIsSetAndNeverShowsIt(@TempDir Path dir) throws IOException {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).tmdb()).isEmpty();
    assertThat(
            ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_TMDB_BASE_URL", "http://x:1/3"), Map.of())
                .tmdb())
        .isEmpty();

    String key = "f3a9c2e41b7d4c0e8a5b6d7e8f901234";
    ServerConfig byKey =
        ConfigLoader.load(Optional.empty(), Map.of("SUASOR_TMDB_API_KEY", key), Map.of());
    assertThat(byKey.tmdb())
        .hasValueSatisfying(
            t -> {
              assertThat(t.apiKey()).isEqualTo(key);
              assertThat(t.baseUrl()).isEqualTo("https://api.themoviedb.org/3");
            });
    assertThat(byKey.toString()).doesNotContain(key);

    Path file = dir.resolve("suasor.properties");
    Files.writeString(
        file,
        "tmdb.readAccessToken=eyJhbGciOiJIUzI1NiJ9.token\ntmdb.baseUrl=http://127.0.0.1:9/3\n");
    ServerConfig byToken = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
    assertThat(byToken.tmdb())
        .hasValueSatisfying(
            t -> {
              assertThat(t.readAccessToken()).isEqualTo("eyJhbGciOiJIUzI1NiJ9.token");
              assertThat(t.baseUrl()).isEqualTo("http://127.0.0.1:9/3");
            });
  }

  @Test
  void aBadTmdbSettingIsNamedWithWhereItCameFrom() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(),
                    Map.of("SUASOR_TMDB_API_KEY", "abc", "SUASOR_TMDB_BASE_URL", "ftp://tmdb"),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SUASOR_TMDB_BASE_URL")
        .hasMessageContaining("leave it empty for https://api.themoviedb.org/3");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_TMDB_API_KEY", "ab cd"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SUASOR_TMDB_API_KEY")
        .hasMessageNotContaining("ab cd");
  }

  @Test
  void eachValueSaysWhereItCameFromAndSecretsAreMasked(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("suasor.properties");
    Files.writeString(file, "workers=2\nhttp.port=9000\ndb.password=hunter2\n");
    EffectiveConfig effective =
        ConfigLoader.resolve(
            Optional.empty(),
            Map.of("SUASOR_CONFIG", file.toString(), "SUASOR_HTTP_PORT", "9100"),
            Map.of(Setting.LOG_LEVEL, "debug"));

    assertThat(effective.file()).hasValue(file.toAbsolutePath());
    Map<Setting, SettingValue> values = new java.util.EnumMap<>(Setting.class);
    effective.values().forEach(v -> values.put(v.setting(), v));
    assertThat(values).hasSize(Setting.values().length);
    assertThat(values.get(Setting.WORKERS).origin().kind()).isEqualTo("file");
    assertThat(values.get(Setting.HTTP_PORT).value()).isEqualTo("9100");
    assertThat(values.get(Setting.HTTP_PORT).origin().toString())
        .isEqualTo("env (SUASOR_HTTP_PORT)");
    assertThat(values.get(Setting.LOG_LEVEL).origin().toString()).isEqualTo("option (--log-level)");
    assertThat(values.get(Setting.HTTP_HOST).origin()).isEqualTo(Origin.DEFAULT);
    assertThat(values.get(Setting.DB_PASSWORD).shown()).isEqualTo("********");
    assertThat(effective.config().logging().level()).isEqualTo("debug");
    assertThat(effective.config().toString()).doesNotContain("hunter2");
  }

  @Test
  void theEngineRetentionLogAndWebSettingsAreRead() {
    ServerConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "SUASOR_ENGINE_POLL_INTERVAL", "500ms",
                "SUASOR_ENGINE_HEARTBEAT_INTERVAL", "10s",
                "SUASOR_ENGINE_DEAD_RUN_THRESHOLD", "1m",
                "SUASOR_ENGINE_SHUTDOWN_GRACE", "PT45S",
                "SUASOR_RETENTION_RUNS", "90d",
                "SUASOR_RETENTION_TOKENS", "0s",
                "SUASOR_LOG_FORMAT", "JSON",
                "SUASOR_HTTP_BASE_PATH", "/suasor/",
                "SUASOR_METRICS_TOKEN", "scrape-me"),
            Map.of());
    assertThat(config.engine())
        .isEqualTo(
            new EngineTiming(
                java.time.Duration.ofMillis(500),
                java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(1),
                java.time.Duration.ofSeconds(45)));
    assertThat(config.retention().runs()).isEqualTo(java.time.Duration.ofDays(90));
    assertThat(config.retention().tokens()).isZero();
    assertThat(config.retention().notifications()).isEqualTo(java.time.Duration.ofDays(7));
    assertThat(config.logging()).isEqualTo(new LogSettings("info", true));
    assertThat(config.web().basePath()).isEqualTo("/suasor");
    assertThat(config.web().metricsToken()).hasValue("scrape-me");
  }

  @Test
  void badNewSettingsSayWhatToWrite() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_RETENTION_RUNS", "a month"), Map.of()))
        .hasMessageContaining("SUASOR_RETENTION_RUNS")
        .hasMessageContaining("e.g. 30s or 7d");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of("engine.heartbeat.interval", "20s", "engine.dead.run.threshold", "30s")))
        .hasMessageContaining("--engine-dead-run-threshold")
        .hasMessageContaining("at least twice engine.heartbeat.interval (40000ms)");
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of("SUASOR_LOG_LEVEL", "loud"), Map.of()))
        .hasMessageContaining("one of error, warn, info, debug, trace");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_HTTP_BASE_PATH", "suasor app"), Map.of()))
        .hasMessageContaining("such as /suasor");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("SUASOR_CONFIG", "/no/such/file"), Map.of()))
        .hasMessageContaining("SUASOR_CONFIG");
  }

  @Test
  void everySettingHasItsOwnKeyVariableAndOption() {
    java.util.Set<String> keys = new java.util.HashSet<>();
    java.util.Set<String> envs = new java.util.HashSet<>();
    java.util.Set<String> options = new java.util.HashSet<>();
    for (Setting setting : Setting.values()) {
      assertThat(keys.add(setting.key())).isTrue();
      assertThat(envs.add(setting.env())).isTrue();
      assertThat(options.add(setting.option())).isTrue();
    }
    assertThat(Setting.TMDB_API_KEY.env()).isEqualTo("SUASOR_TMDB_API_KEY");
    assertThat(Setting.TMDB_API_KEY.option()).isEqualTo("--tmdb-api-key");
    assertThat(Setting.DATA_DIR.env()).isEqualTo("SUASOR_DATA_DIR");
  }
}
