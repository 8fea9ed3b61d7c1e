package io.suasor.media.source.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Lists a user's items a page at a time, following the server's total count to the end, library by
 * library when the source includes only some.
 */
final class ItemPages {
  static final int PAGE_SIZE = 200;

  /** What a listing asks for of each item, besides what the server always sends. */
  static final String FIELDS =
      "ProviderIds,Genres,People,Overview,DateCreated,Path,DateLastSaved,OriginalTitle,SortName,"
          + "Studios,Tags";

  private final ServerHttp http;
  private final JellyfinDialect dialect;
  private final JellyfinServer server;

  ItemPages(ServerHttp http, JellyfinDialect dialect, JellyfinServer server) {
    this.http = http;
    this.dialect = dialect;
    this.server = server;
  }

  /**
   * Items of some types (the server's names, e.g. "Series") in the included libraries, with the
   * chosen user's data. Not for music artists: see {@link #albumArtists}.
   *
   * @param filters more parameters by their camelCase names, e.g. {@code isFavorite=true}
   * @param expect told each (library's) total as soon as it is known
   * @param page handed each page before the next is asked for
   */
  void inLibraries(
      List<String> types,
      Map<String, Object> filters,
      LongConsumer expect,
      Consumer<List<JsonNode>> page) {
    JellyfinServer.Session session = server.session();
    for (String parentId : parents(session)) {
      Query query =
          dialect
              .itemsQuery(session.userId())
              .and(dialect.parameter("includeItemTypes"), String.join(",", types))
              .and(dialect.parameter("recursive"), true);
      pages(dialect.itemsPath(session.userId()), listing(query, parentId, filters), expect, page);
    }
  }

  /**
   * The music artists of the included libraries, with the chosen user's data. The servers keep
   * artists in a folder of their own, not under the music library they came from, so {@code /Items}
   * lists none under a library; {@code /Artists/AlbumArtists} lists a library's album artists, as
   * the servers' own clients show them.
   *
   * @param filters as for {@link #inLibraries}; the route takes no "changed since" filter
   */
  void albumArtists(
      Map<String, Object> filters, LongConsumer expect, Consumer<List<JsonNode>> page) {
    JellyfinServer.Session session = server.session();
    for (String parentId : parents(session)) {
      Query query = Query.of(dialect.parameter("userId"), session.userId());
      pages(dialect.path("/Artists/AlbumArtists"), listing(query, parentId, filters), expect, page);
    }
  }

  /** No parent: one listing over every library the user sees. */
  private static List<String> parents(JellyfinServer.Session session) {
    return session.libraryIds().isEmpty() ? Collections.singletonList(null) : session.libraryIds();
  }

  private Query listing(Query query, String parentId, Map<String, Object> filters) {
    query
        .and(dialect.parameter("parentId"), parentId)
        .and(dialect.parameter("fields"), FIELDS)
        .and(dialect.parameter("enableUserData"), true)
        // Oldest first: an item added during the listing comes last instead of shifting the pages
        // still to come.
        .and(dialect.parameter("sortBy"), "DateCreated,SortName")
        .and(dialect.parameter("sortOrder"), "Ascending");
    filters.forEach((name, value) -> query.and(dialect.parameter(name), value));
    return query;
  }

  /** Every page of a listing at {@code path} that answers {@code {Items, TotalRecordCount}}. */
  void pages(String path, Query query, LongConsumer expect, Consumer<List<JsonNode>> page) {
    int start = 0;
    boolean first = true;
    while (true) {
      Query onePage =
          query
              .with(dialect.parameter("startIndex"), start)
              .with(dialect.parameter("limit"), PAGE_SIZE);
      JsonNode answer = http.getJson(path, onePage);
      JsonNode items = answer.path("Items");
      if (!items.isArray()) {
        throw new SourceHttpException(
            Problem.BAD_RESPONSE,
            http.describe("GET", path)
                + " answered without a list of Items: is it a "
                + dialect.kind()
                + " server?");
      }
      long total = answer.path("TotalRecordCount").asLong(start + items.size());
      if (first) {
        expect.accept(total);
        first = false;
      }
      List<JsonNode> list = new ArrayList<>(items.size());
      items.forEach(list::add);
      page.accept(list);
      start += items.size();
      if (items.isEmpty() || start >= total) {
        return;
      }
    }
  }
}
