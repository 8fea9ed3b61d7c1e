package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.SourceType;
import io.suasor.media.source.ServerSourceSettings;
import io.suasor.media.source.UnsupportedSourceException;
import io.suasor.media.source.local.LocalSourceConfig;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a source's type and config at the API's boundary, with messages that say what to change: a
 * local source names existing folders; a media server source names its address.
 */
public final class SourceConfigs {
  private static final List<String> LOCAL_FIELDS = List.of("moviesPath", "seriesPath", "musicPath");
  private static final Set<String> SERVER_FIELDS = Set.copyOf(ServerSourceSettings.CONFIG_FIELDS);

  /** How often a new source is synced unless it says otherwise. */
  public static final long DEFAULT_SYNC_INTERVAL_SECONDS = Duration.ofHours(1).toSeconds();

  private SourceConfigs() {}

  public static SourceType type(String text) {
    String accepted =
        String.join(", ", Arrays.stream(SourceType.values()).map(SourceType::value).toList());
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("type", "type is required; accepted types are " + accepted);
    }
    try {
      return SourceType.of(text.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "type", "unknown source type '" + text + "'; accepted types are " + accepted);
    }
  }

  /** The config to store for a source of {@code type}: checked, and for a local one, canonical. */
  public static String check(SourceType type, String configText) {
    if (configText == null) {
      throw ApiException.invalid(
          "config",
          type == SourceType.LOCAL
              ? "config is required: a local source names its folders, e.g. {\"moviesPath\":"
                  + " \"/srv/media/Movies\"}"
              : "config is required: a " + type.value() + " source names its address as url");
    }
    JsonNode config = parse(configText);
    return type == SourceType.LOCAL ? local(config) : server(type, config);
  }

  private static String local(JsonNode config) {
    unknownFields(config, LOCAL_FIELDS);
    List<Path> paths = new ArrayList<>();
    for (String field : LOCAL_FIELDS) {
      JsonNode value = config.get(field);
      if (value == null || value.isNull()) {
        paths.add(null);
        continue;
      }
      paths.add(folder(field, value));
    }
    if (paths.stream().allMatch(java.util.Objects::isNull)) {
      throw ApiException.invalid(
          "config", "a local source needs at least one of " + String.join(", ", LOCAL_FIELDS));
    }
    return new LocalSourceConfig(paths.get(0), paths.get(1), paths.get(2)).toJson();
  }

  private static Path folder(String field, JsonNode value) {
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.invalid("config." + field, field + " must be a folder's path as text");
    }
    Path path;
    try {
      path = Path.of(value.asText()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw ApiException.invalid(
          "config." + field, field + " is not a valid path: " + e.getReason());
    }
    if (!Files.exists(path)) {
      throw ApiException.invalid(
          "config." + field,
          field + " " + path + " does not exist on the server; give a folder the server can read");
    }
    if (!Files.isDirectory(path)) {
      throw ApiException.invalid(
          "config." + field, field + " " + path + " is a file; give the folder that holds it");
    }
    if (!Files.isReadable(path)) {
      throw ApiException.invalid(
          "config." + field,
          field + " " + path + " is not readable by the server; change its permissions");
    }
    return path;
  }

  /**
   * A media server's config, checked field by field so that each message names its field, then read
   * by {@link ServerSourceSettings#parse} as its client will read it, so that the API accepts no
   * config the client would refuse.
   */
  private static String server(SourceType type, JsonNode config) {
    unknownFields(config, SERVER_FIELDS.stream().sorted().toList());
    url(type, config.get("url"));
    for (String field : List.of("user", "username")) {
      JsonNode value = config.get(field);
      if (value != null && !value.isNull() && !value.isTextual()) {
        throw ApiException.invalid(
            "config." + field,
            field
                + " must be text: the name or id of the "
                + type.value()
                + " user whose data this source syncs, e.g. \"alice\"");
      }
    }
    libraries(config.get("libraries"));
    try {
      ServerSourceSettings.parse(type.value(), config.toString(), null);
    } catch (UnsupportedSourceException e) {
      throw ApiException.invalid("config", e.getMessage());
    }
    return config.toString();
  }

  private static void url(SourceType type, JsonNode url) {
    String example =
        "its address such as http://media.local:8096; put API keys and passwords in secrets, never"
            + " in config";
    if (url == null
        || !url.isTextual()
        || !(url.asText().startsWith("http://") || url.asText().startsWith("https://"))) {
      throw ApiException.invalid(
          "config.url", "a " + type.value() + " source needs url, " + example);
    }
    String host;
    try {
      host = new URI(url.asText()).getHost();
    } catch (URISyntaxException e) {
      throw ApiException.invalid(
          "config.url", "url is not a valid address (" + e.getReason() + "); give " + example);
    }
    if (host == null || host.isBlank()) {
      throw ApiException.invalid(
          "config.url", "url " + url.asText() + " names no host; give " + example);
    }
  }

  private static void libraries(JsonNode libraries) {
    if (libraries == null || libraries.isNull()) {
      return;
    }
    String what =
        "libraries must be a list of library names or ids, e.g. [\"Movies\", \"Music\"], or left"
            + " out to sync every library";
    if (!libraries.isArray()) {
      throw ApiException.invalid("config.libraries", what);
    }
    for (JsonNode library : libraries) {
      if (!(library.isTextual() || library.isIntegralNumber()) || library.asText().isBlank()) {
        throw ApiException.invalid(
            "config.libraries", what + "; " + library + " is neither a name nor an id");
      }
    }
  }

  private static void unknownFields(JsonNode config, List<String> accepted) {
    for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!accepted.contains(name)) {
        throw ApiException.invalid(
            "config." + name,
            "unknown config field '"
                + name
                + "'; accepted fields are "
                + String.join(", ", accepted)
                + (name.toLowerCase(Locale.ROOT).contains("key")
                        || name.toLowerCase(Locale.ROOT).contains("password")
                    ? " (API keys and passwords go in secrets)"
                    : ""));
      }
    }
  }

  private static JsonNode parse(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("a checked JSON object no longer parses", e);
    }
  }
}
