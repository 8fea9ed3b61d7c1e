package io.suasor.media.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.suasor.media.store.Json;
import io.suasor.media.testing.JellyfinStandIn.Flavor;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the requests of {@link JellyfinStandIn} from its library, as the Jellyfin 10.11 or Emby
 * 4.8 API does: Jellyfin with its key in {@code Authorization: MediaBrowser Token="…"}, Emby with
 * {@code X-Emby-Token}; paths with or without {@code /emby} in front; query parameters by any case,
 * as both servers read them.
 */
final class StandInRoutes implements ResponseDefinitionTransformerV2 {
  static final String NAME = "jellyfin-stand-in";
  private static final Pattern TOKEN = Pattern.compile("Token=\"([^\"]*)\"");
  private static final Pattern EMBY_USER_PATH = Pattern.compile("/Users/([^/]+)/(.+)");
  private static final DateTimeFormatter EMBY_DATE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final JellyfinStandIn standIn;
  private final StandInItems items;

  StandInRoutes(JellyfinStandIn standIn) {
    this.standIn = standIn;
    this.items = new StandInItems(standIn);
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
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    synchronized (standIn) {
      ResponseDefinitionBuilder answer;
      try {
        answer = answer(request);
      } catch (RuntimeException e) {
        // As the servers answer a parameter they cannot read.
        answer = status(400).withBody(String.valueOf(e.getMessage()));
      }
      return answer.withHeader("Date", dateHeader()).build();
    }
  }

  private ResponseDefinitionBuilder answer(Request request) {
    URI uri = URI.create(request.getUrl());
    String path = uri.getPath();
    Map<String, String> query = query(uri.getRawQuery());
    boolean emby = standIn.flavor == Flavor.EMBY;
    // Emby serves its API under /emby and at the root; Jellyfin 10 still takes /emby too.
    if (path.toLowerCase(Locale.ROOT).startsWith("/emby/")) {
      path = path.substring("/emby".length());
    }
    String method = request.getMethod().getName();
    if (method.equals("GET") && path.equalsIgnoreCase("/System/Info/Public")) {
      return json(publicInfo());
    }
    if (!authorized(request, query)) {
      return status(401);
    }
    String userId = query.get("userid");
    Matcher userPath = EMBY_USER_PATH.matcher(path);
    if (emby && userPath.matches()) {
      userId = userPath.group(1);
      path = "/Users/{U}/" + userPath.group(2);
    }
    String user = userId;
    if (user != null && standIn.users.stream().noneMatch(u -> u.get("Id").asText().equals(user))) {
      return status(404).withBody("User not found");
    }
    String[] parts = path.substring(1).split("/");
    String itemId = parts[parts.length - 1];
    return switch (method + " " + route(path, emby)) {
      case "GET users" -> json(list(emby, arrayOf(standIn.users)));
      case "GET libraries" -> json(list(emby, arrayOf(standIn.libraries)));
      case "GET items" -> json(items.list(userId, query, emby));
      case "GET album artists" -> json(items.albumArtists(userId, query, emby));
      case "GET playlist items" ->
          standIn.playlists.containsKey(parts[1])
              ? json(items.playlist(parts[1], userId, query, emby))
              : status(404);
      case "POST favorite" -> write(userId, itemId, data -> data.put("IsFavorite", true));
      case "DELETE favorite" -> write(userId, itemId, data -> data.put("IsFavorite", false));
      case "POST played" -> played(userId, itemId, query.get("dateplayed"), emby);
      case "DELETE played" -> write(userId, itemId, StandInRoutes::unplayed);
      default -> status(404);
    };
  }

  /** What a path is, in this flavour's spelling of it. */
  private static String route(String path, boolean emby) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.matches("/playlists/[^/]+/items")) {
      return "playlist items";
    }
    if (lower.equals("/artists/albumartists")) {
      return "album artists";
    }
    if (emby) {
      return switch (lower.replaceFirst(
          "^(/users/\\{u}/(favoriteitems|playeditems))/[^/]+$", "$1")) {
        case "/users/query" -> "users";
        case "/library/virtualfolders/query" -> "libraries";
        case "/users/{u}/items" -> "items";
        case "/users/{u}/favoriteitems" -> "favorite";
        case "/users/{u}/playeditems" -> "played";
        default -> "unknown";
      };
    }
    return switch (lower.replaceFirst("^(/userfavoriteitems|/userplayeditems)/[^/]+$", "$1")) {
      case "/users" -> "users";
      case "/library/virtualfolders" -> "libraries";
      case "/items" -> "items";
      case "/userfavoriteitems" -> "favorite";
      case "/userplayeditems" -> "played";
      default -> "unknown";
    };
  }

  private ObjectNode publicInfo() {
    ObjectNode info = Json.mapper().createObjectNode();
    info.put("LocalAddress", "http://127.0.0.1:8096").put("ServerName", "standin");
    info.put("Version", standIn.version);
    if (standIn.flavor == Flavor.JELLYFIN) {
      info.put("ProductName", "Jellyfin Server").put("OperatingSystem", "");
      info.put("StartupWizardCompleted", true);
    }
    return info.put("Id", "6f2b9c0d1e4a4d8f9a7b3c5e1d2f4a6b");
  }

  private boolean authorized(Request request, Map<String, String> query) {
    String key;
    if (standIn.flavor == Flavor.JELLYFIN) {
      String header = request.getHeader("Authorization");
      Matcher token = header == null ? null : TOKEN.matcher(header);
      key =
          token != null && header.startsWith("MediaBrowser ") && token.find()
              ? token.group(1)
              : query.get("apikey");
    } else {
      key =
          request.containsHeader("X-Emby-Token")
              ? request.getHeader("X-Emby-Token")
              : query.get("api_key");
    }
    return JellyfinStandIn.API_KEY.equals(key);
  }

  private ResponseDefinitionBuilder played(
      String userId, String itemId, String date, boolean emby) {
    Instant at;
    try {
      at =
          date == null
              ? standIn.now()
              : emby ? EMBY_DATE.parse(date, Instant::from) : Instant.parse(date);
    } catch (RuntimeException e) {
      return status(400).withBody("Invalid date: " + date);
    }
    return write(
        userId,
        itemId,
        data ->
            data.put("Played", true)
                .put("PlayCount", data.path("PlayCount").asInt() + 1)
                .put("LastPlayedDate", at.toString()));
  }

  private static void unplayed(ObjectNode data) {
    data.put("Played", false).put("PlayCount", 0).put("PlaybackPositionTicks", 0);
    data.remove("LastPlayedDate");
  }

  private ResponseDefinitionBuilder write(
      String userId, String itemId, Consumer<ObjectNode> change) {
    if (userId == null || !standIn.items.containsKey(itemId)) {
      return status(404);
    }
    standIn.userData(userId, itemId, change);
    return json(standIn.userDataOf(userId, itemId));
  }

  /** Jellyfin answers lists of users and libraries as arrays, Emby as a query result. */
  private static JsonNode list(boolean emby, ArrayNode array) {
    if (!emby) {
      return array;
    }
    ObjectNode result = Json.mapper().createObjectNode();
    result.set("Items", array);
    return result.put("TotalRecordCount", array.size());
  }

  private static ArrayNode arrayOf(List<ObjectNode> nodes) {
    ArrayNode array = JellyfinStandIn.array();
    nodes.forEach(node -> array.add(node.deepCopy()));
    return array;
  }

  /** Parameters by lower-cased name, as the servers match them. */
  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.merge(
          URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
          URLDecoder.decode(value, StandardCharsets.UTF_8),
          (a, b) -> a + "," + b);
    }
    return parameters;
  }

  private String dateHeader() {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(standIn.now().atOffset(ZoneOffset.UTC));
  }

  private static ResponseDefinitionBuilder json(JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body.toString());
  }

  private static ResponseDefinitionBuilder status(int status) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status);
  }
}
