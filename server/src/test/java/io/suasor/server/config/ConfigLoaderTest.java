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
  void defaultsRunOnSqliteInDataOnLoopback8080() {
    ServerConfig config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
    assertThat(config.databaseUrl()).isEmpty();
    assertThat(config.sqliteFile()).isEqualTo(Path.of("data", "suasor.db"));
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
    assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).secretKeyFile())
        .isEqualTo(Path.of("data", "secret.key"));
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
}
