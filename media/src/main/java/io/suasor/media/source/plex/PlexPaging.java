package io.suasor.media.source.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads Plex's {@code MediaContainer} answers, and its listings a page at a time with {@code
 * X-Plex-Container-Start} and {@code X-Plex-Container-Size} (sent as query parameters, which Plex
 * takes for every {@code X-Plex-} header), to the end the server announces.
 */
final class PlexPaging {
  /** Items asked for per page: the size Plex's own description pages with. */
  static final int PAGE_SIZE = 100;

  private PlexPaging() {}

  /** One page: its items, and the listing's total when the server says it. */
  record Page(List<JsonNode> items, OptionalLong totalSize, boolean first) {}

  interface PageHandler {
    void page(Page page);
  }

  /** GETs every page of a listing, handing each to {@code handler} before asking for the next. */
  static void each(ServerHttp http, String path, Query query, int pageSize, PageHandler handler) {
    long start = 0;
    while (true) {
      JsonNode container =
          container(
              http,
              path,
              http.getJson(
                  path,
                  query
                      .with("X-Plex-Container-Start", start)
                      .with("X-Plex-Container-Size", pageSize)));
      if (container.hasNonNull("offset") && container.get("offset").asLong() != start) {
        // Handing on would repeat items, or a full listing would miss some and so remove them.
        throw new SourceHttpException(
            Problem.BAD_RESPONSE,
            http.describe("GET", path)
                + " answered the page at offset "
                + container.get("offset").asLong()
                + " when asked for the one at "
                + start
                + ": the server does not page this listing as Plex does");
      }
      List<JsonNode> items = list(container, "Metadata");
      OptionalLong total =
          container.hasNonNull("totalSize")
              ? OptionalLong.of(container.get("totalSize").asLong())
              : OptionalLong.empty();
      handler.page(new Page(items, total, start == 0));
      start += items.size();
      // More than asked for is everything: that listing is not paged.
      boolean more =
          items.size() <= pageSize
              && (total.isPresent() ? start < total.getAsLong() : items.size() == pageSize);
      if (items.isEmpty() || !more) {
        return;
      }
    }
  }

  /** The {@code MediaContainer} of an answer; an answer without one is not Plex's. */
  static JsonNode container(ServerHttp http, String path, JsonNode answer) {
    JsonNode container = answer.get("MediaContainer");
    if (container == null || !container.isObject()) {
      throw new SourceHttpException(
          Problem.BAD_RESPONSE,
          http.describe("GET", path)
              + " answered JSON without a MediaContainer: check that the url is the address of"
              + " Plex Media Server itself");
    }
    return container;
  }

  /** The array {@code field} of a node; Plex leaves empty arrays out. */
  static List<JsonNode> list(JsonNode node, String field) {
    JsonNode array = node.get(field);
    List<JsonNode> items = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(items::add);
    }
    return items;
  }

  /** A text field, null when absent or blank. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }
}
