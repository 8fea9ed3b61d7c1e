package io.suasor.media.source.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.UnsupportedSourceException;
import io.suasor.media.store.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a local source's libraries are: a folder each for movies, series and music, any of which
 * may be absent. Stored as the source's config JSON: {@code {"moviesPath": …, "seriesPath": …,
 * "musicPath": …}}.
 */
public record LocalSourceConfig(Path movies, Path series, Path music) {

  public static LocalSourceConfig parse(String json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      return new LocalSourceConfig(
          path(node, "moviesPath"), path(node, "seriesPath"), path(node, "musicPath"));
    } catch (java.io.IOException e) {
      throw new UnsupportedSourceException("local source config is not JSON: " + e.getMessage());
    }
  }

  public String toJson() {
    Map<String, String> paths = new LinkedHashMap<>();
    if (movies != null) {
      paths.put("moviesPath", movies.toString());
    }
    if (series != null) {
      paths.put("seriesPath", series.toString());
    }
    if (music != null) {
      paths.put("musicPath", music.toString());
    }
    return Json.write(paths);
  }

  private static Path path(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null
        : Path.of(value.asText());
  }
}
