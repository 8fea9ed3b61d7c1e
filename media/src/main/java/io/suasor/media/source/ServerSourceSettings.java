package io.suasor.media.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a media server source, from its config and secrets JSON.
 *
 * <p>Config: {@code url} (required), {@code user} (the server user whose data is the Suasor user's:
 * its name or id; {@code username} is accepted too, and is the login of a Subsonic source), {@code
 * libraries} (names or ids of the libraries to sync; all when absent). Secrets: {@code apiKey} or
 * {@code token} (Jellyfin, Emby, Plex), {@code password} (Subsonic).
 */
public record ServerSourceSettings(
    String url, Optional<String> user, List<String> libraries, Map<String, String> secrets) {

  public static final List<String> CONFIG_FIELDS = List.of("url", "user", "username", "libraries");

  public ServerSourceSettings {
    libraries = List.copyOf(libraries);
    secrets = Map.copyOf(secrets);
  }

  /**
   * Reads a source's settings; throws {@link UnsupportedSourceException} saying what to change when
   * the config cannot be used.
   */
  public static ServerSourceSettings parse(String type, String configJson, String secretsJson) {
    JsonNode config = tree(configJson, "config");
    JsonNode url = config.get("url");
    if (url == null
        || !url.isTextual()
        || !(url.asText().startsWith("http://") || url.asText().startsWith("https://"))) {
      throw new UnsupportedSourceException(
          "a "
              + type
              + " source needs url, its address such as http://media.local:8096, in its config");
    }
    Optional<String> user = text(config, "user").or(() -> text(config, "username"));
    List<String> libraries = new ArrayList<>();
    JsonNode listed = config.get("libraries");
    if (listed != null && !listed.isNull()) {
      if (!listed.isArray()) {
        throw new UnsupportedSourceException(
            "libraries must be a list of library names or ids, e.g. [\"Movies\", \"Music\"]");
      }
      listed.forEach(library -> libraries.add(library.asText()));
    }
    Map<String, String> secrets = new java.util.HashMap<>();
    if (secretsJson != null) {
      tree(secretsJson, "secrets")
          .fields()
          .forEachRemaining(field -> secrets.put(field.getKey(), field.getValue().asText()));
    }
    return new ServerSourceSettings(url.asText(), user, libraries, secrets);
  }

  /** The first of the named secrets that is set. */
  public Optional<String> secret(String... names) {
    for (String name : names) {
      String value = secrets.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Whether a library (by its id or name, names compared ignoring case) is to be synced. */
  public boolean includes(String libraryId, String libraryName) {
    if (libraries.isEmpty()) {
      return true;
    }
    for (String wanted : libraries) {
      if (wanted.equals(libraryId)
          || (libraryName != null
              && wanted.toLowerCase(Locale.ROOT).equals(libraryName.toLowerCase(Locale.ROOT)))) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank()
        ? Optional.empty()
        : Optional.of(value.asText().strip());
  }

  private static JsonNode tree(String json, String what) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      if (node == null || !node.isObject()) {
        throw new UnsupportedSourceException("the source's " + what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new UnsupportedSourceException(
          "the source's " + what + " is not JSON: " + e.getMessage());
    }
  }
}
