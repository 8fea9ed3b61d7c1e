package io.suasor.server.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The settings whose checks are more than a range: the host, the origins and the base path. */
final class ConfigChecks {
  private ConfigChecks() {}

  static String host(SettingValues values) {
    String host = values.text(Setting.HTTP_HOST).orElse(ServerConfig.DEFAULT_HTTP_HOST);
    if (host.contains("/") || host.contains(" ") || host.contains(":") && !host.contains("::")) {
      throw values.wrong(
          Setting.HTTP_HOST,
          "set it to a host name or IP address without scheme or port,"
              + " such as 127.0.0.1 or 0.0.0.0");
    }
    return host;
  }

  static List<String> origins(SettingValues values) {
    Optional<String> value = values.text(Setting.CORS_ORIGINS);
    if (value.isEmpty()) {
      return List.of();
    }
    Set<String> origins = new LinkedHashSet<>();
    for (String origin : value.get().split(",")) {
      String trimmed = origin.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      if (!(trimmed.startsWith("http://") || trimmed.startsWith("https://"))
          || trimmed.endsWith("/")
          || trimmed.indexOf('/', trimmed.indexOf("//") + 2) >= 0) {
        throw values.wrong(
            Setting.CORS_ORIGINS,
            "list origins separated by commas, each a scheme and host with an optional"
                + " port and no path, such as http://localhost:5173 (the wrong one is '"
                + trimmed
                + "')");
      }
      origins.add(trimmed);
    }
    return List.copyOf(origins);
  }

  /** A path such as {@code /suasor}: a leading slash, no trailing one; empty for the root. */
  static String basePath(SettingValues values) {
    String path = values.text(Setting.HTTP_BASE_PATH).orElse("");
    if (path.equals("/") || path.isEmpty()) {
      return "";
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (!trimmed.startsWith("/") || !trimmed.matches("(/[A-Za-z0-9._~-]+)+")) {
      throw values.wrong(
          Setting.HTTP_BASE_PATH,
          "set it to a path of letters, digits, '.', '_', '~' and '-' segments, such as /suasor,"
              + " or leave it empty to serve at /");
    }
    return trimmed;
  }
}
