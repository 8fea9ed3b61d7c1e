package io.suasor.media.source.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import java.util.List;

/**
 * A library section of a Plex server.
 *
 * @param key its id, as {@code /library/sections/{key}/all} takes it
 * @param type what it holds: {@code movie}, {@code show}, {@code artist}, {@code photo}
 */
record PlexSection(String key, String title, String type) {
  /**
   * The server's sections. The OpenAPI description lists them at {@code /library/sections/all};
   * {@code /library/sections} answers the same {@code Directory} list on every server version.
   */
  static List<PlexSection> list(ServerHttp http) {
    String path = "/library/sections";
    JsonNode container = PlexPaging.container(http, path, http.getJson(path, Query.of()));
    return PlexPaging.list(container, "Directory").stream()
        .filter(section -> PlexPaging.text(section, "key") != null)
        .map(
            section ->
                new PlexSection(
                    PlexPaging.text(section, "key"),
                    PlexPaging.text(section, "title"),
                    PlexPaging.text(section, "type")))
        .toList();
  }
}
