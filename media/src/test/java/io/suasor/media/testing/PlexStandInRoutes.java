package io.suasor.media.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a {@link PlexStandIn}'s requests from its library, as Plex Media Server does: JSON only
 * when asked for it, a token on every request but {@code /identity}, pages by {@code
 * X-Plex-Container-Start}/{@code -Size} (query or header), {@code Date} from the stand-in's clock.
 */
final class PlexStandInRoutes implements ResponseDefinitionTransformerV2 {
  static final String NAME = "plex-stand-in";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECTION_ALL = Pattern.compile("/library/sections/([^/]+)/all");
  private static final Pattern PLAYLIST_ITEMS = Pattern.compile("/playlists/([^/]+)/items");
  private static final List<String[]> SECTIONS =
      List.of(
          new String[] {"1", "Movies", "movie", "tv.plex.agents.movie"},
          new String[] {"2", "TV Shows", "show", "tv.plex.agents.series"},
          new String[] {"3", "Music", "artist", "tv.plex.agents.music"},
          new String[] {"4", "Photos", "photo", "com.plexapp.agents.none"});

  private final PlexStandInLibrary library;
  private final String token;
  private final String machineIdentifier;

  PlexStandInRoutes(PlexStandInLibrary library, String token, String machineIdentifier) {
    this.library = library;
    this.token = token;
    this.machineIdentifier = machineIdentifier;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = request.getUrl().split("\\?", 2)[0];
    String method = request.getMethod().getName();
    if (method.equals("GET") && path.equals("/identity")) {
      return json(
          request,
          container()
              .put("claimed", true)
              .put("machineIdentifier", machineIdentifier)
              .put("version", library.version()));
    }
    if (!token.equals(plexValue(request, "X-Plex-Token"))) {
      return text(
          401,
          "<html><head><title>Unauthorized</title></head>"
              + "<body><h1>401 Unauthorized</h1></body></html>");
    }
    if (method.equals("PUT") && (path.equals("/:/scrobble") || path.equals("/:/unscrobble"))) {
      return scrobble(request, path.equals("/:/scrobble"));
    }
    if (!method.equals("GET")) {
      return text(404, "<html><body><h1>404 Not Found</h1></body></html>");
    }
    Matcher sectionAll = SECTION_ALL.matcher(path);
    Matcher playlistItems = PLAYLIST_ITEMS.matcher(path);
    return switch (path) {
      case "/" -> json(request, server());
      case "/library/sections" -> json(request, sections());
      case "/accounts" -> json(request, accounts());
      case "/status/sessions/history/all" ->
          paged(request, library.history(query(request, "accountID")));
      case "/playlists" -> paged(request, library.playlists());
      default -> {
        if (sectionAll.matches()) {
          yield sectionItems(request, sectionAll.group(1));
        }
        if (playlistItems.matches()) {
          List<ObjectNode> items = library.playlistItems(playlistItems.group(1));
          yield items == null ? text(404, "") : paged(request, items);
        }
        yield text(404, "<html><body><h1>404 Not Found</h1></body></html>");
      }
    };
  }

  private ObjectNode server() {
    return container()
        .put("friendlyName", "Stand-in Plex")
        .put("machineIdentifier", machineIdentifier)
        .put("version", library.version())
        .put("platform", "Linux")
        .put("myPlex", true)
        .put("myPlexUsername", "owner")
        .put("multiuser", true)
        .put("updatedAt", library.now());
  }

  private ObjectNode sections() {
    ObjectNode container = container().put("allowSync", false).put("title1", "Plex Library");
    var directories = container.putArray("Directory");
    for (String[] section : SECTIONS) {
      ObjectNode directory = directories.addObject();
      directory
          .put("key", section[0])
          .put("title", section[1])
          .put("type", section[2])
          .put("agent", section[3])
          .put("language", "en-US")
          .put("uuid", "5a2b" + section[0] + "e1c-0000-4000-8000-00000000000" + section[0])
          .put("updatedAt", PlexStandInLibrary.START.getEpochSecond())
          .put("scannedAt", library.now());
      directory
          .putArray("Location")
          .addObject()
          .put("id", section[0])
          .put("path", "/data/" + section[2]);
    }
    return container.put("size", SECTIONS.size());
  }

  private ObjectNode accounts() {
    ObjectNode container = container().put("identifier", "com.plexapp.system.accounts");
    var accounts = container.putArray("Account");
    PlexStandInLibrary.ACCOUNTS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            a ->
                accounts
                    .addObject()
                    .put("id", Integer.parseInt(a.getKey()))
                    .put("key", "/accounts/" + a.getKey())
                    .put("name", a.getValue()));
    return container.put("size", PlexStandInLibrary.ACCOUNTS.size());
  }

  private ResponseDefinition sectionItems(Request request, String section) {
    String type = query(request, "type");
    if (type == null) {
      return text(400, "<html><body><h1>400 Bad Request</h1></body></html>");
    }
    Map<String, Long> after = new HashMap<>();
    for (String field : List.of("updatedAt", "lastViewedAt", "addedAt")) {
      String value = query(request, field + ">>");
      if (value != null) {
        after.put(field, Long.parseLong(value));
      }
    }
    List<ObjectNode> items = library.items(section, Integer.parseInt(type), after);
    if (!"1".equals(query(request, "includeGuids"))) {
      items.forEach(item -> item.remove("Guid"));
    }
    return paged(request, items);
  }

  private ResponseDefinition scrobble(Request request, boolean played) {
    String key = query(request, "key");
    if (!"com.plexapp.plugins.library".equals(query(request, "identifier")) || key == null) {
      return text(400, "<html><body><h1>400 Bad Request</h1></body></html>");
    }
    boolean found = played ? library.scrobble(key) : library.unscrobble(key);
    return found ? text(200, "") : text(404, "<html><body><h1>404 Not Found</h1></body></html>");
  }

  /**
   * One page of a listing: {@code offset}, {@code size}, {@code totalSize}, in body and headers.
   */
  private ResponseDefinition paged(Request request, List<ObjectNode> all) {
    String startText = plexValue(request, "X-Plex-Container-Start");
    String sizeText = plexValue(request, "X-Plex-Container-Size");
    int start = startText == null ? 0 : Math.min(Integer.parseInt(startText), all.size());
    int size = sizeText == null ? all.size() : Integer.parseInt(sizeText);
    List<ObjectNode> page = all.subList(start, Math.min(all.size(), start + size));
    ObjectNode container =
        container().put("offset", start).put("size", page.size()).put("totalSize", all.size());
    if (!page.isEmpty()) {
      container.putArray("Metadata").addAll(page);
    }
    return response(request, 200, container)
        .withHeader("X-Plex-Container-Start", String.valueOf(start))
        .withHeader("X-Plex-Container-Total-Size", String.valueOf(all.size()))
        .build();
  }

  private ResponseDefinition json(Request request, ObjectNode container) {
    return response(request, 200, container).build();
  }

  /** Plex answers XML unless JSON is asked for; the stand-in's XML is only a sign of that. */
  private ResponseDefinitionBuilder response(Request request, int status, ObjectNode container) {
    String accept = request.getHeader("Accept");
    if (accept == null || !accept.contains("application/json")) {
      return base(status)
          .withHeader("Content-Type", "text/xml;charset=utf-8")
          .withBody(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\""
                  + container.path("size").asInt()
                  + "\"/>");
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.set("MediaContainer", container);
    return base(status).withHeader("Content-Type", "application/json").withBody(answer.toString());
  }

  private ResponseDefinition text(int status, String body) {
    return base(status).withHeader("Content-Type", "text/html").withBody(body).build();
  }

  private ResponseDefinitionBuilder base(int status) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader(
            "Date",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochSecond(library.now()).atOffset(ZoneOffset.UTC)));
  }

  private static ObjectNode container() {
    return JSON.createObjectNode().put("size", 0);
  }

  /** An {@code X-Plex-} value, which Plex takes as a header or a query parameter. */
  private static String plexValue(Request request, String name) {
    String header = request.getHeader(name);
    return header != null ? header : query(request, name);
  }

  private static String query(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter.isPresent() ? parameter.firstValue() : null;
  }
}
