package io.suasor.media.source.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.http.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between Jellyfin and Emby, which grew from one server and still share its item and
 * user-data shapes: where the API lives, how a key is sent, how users, libraries and a user's items
 * are asked for, and how favourites and played state are written.
 */
enum JellyfinDialect {
  JELLYFIN("Jellyfin", "", "10.9", "Dashboard → API Keys"),
  EMBY("Emby", "/emby", "4.7", "Settings → API Keys");

  /** Emby reads a played date only in this form, taken as UTC here. */
  private static final DateTimeFormatter EMBY_DATE =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final String kind;
  private final String prefix;
  private final String minimumVersion;
  private final String apiKeyPlace;

  JellyfinDialect(String kind, String prefix, String minimumVersion, String apiKeyPlace) {
    this.kind = kind;
    this.prefix = prefix;
    this.minimumVersion = minimumVersion;
    this.apiKeyPlace = apiKeyPlace;
  }

  /** A request this client sends to change something. */
  record Call(String method, String path, Query query) {}

  String kind() {
    return kind;
  }

  String minimumVersion() {
    return minimumVersion;
  }

  String path(String path) {
    return prefix + path;
  }

  /**
   * A query parameter's name: Jellyfin's description spells them camelCase, Emby's PascalCase. Both
   * servers ignore case, but a request reads as the server's documentation does.
   */
  String parameter(String camelCase) {
    return this == EMBY
        ? camelCase.substring(0, 1).toUpperCase(Locale.ROOT) + camelCase.substring(1)
        : camelCase;
  }

  Map<String, String> headers(String apiKey) {
    return switch (this) {
      case JELLYFIN ->
          Map.of(
              "Authorization",
              "MediaBrowser Token=\"" + apiKey + "\"",
              "Accept",
              "application/json");
      case EMBY -> Map.of("X-Emby-Token", apiKey, "Accept", "application/json");
    };
  }

  String credentialAdvice() {
    return "make an API key in "
        + kind
        + "'s "
        + apiKeyPlace
        + " and put it in the source's secrets as apiKey";
  }

  String usersPath() {
    return this == EMBY ? "/emby/Users/Query" : "/Users";
  }

  String librariesPath() {
    return this == EMBY ? "/emby/Library/VirtualFolders/Query" : "/Library/VirtualFolders";
  }

  /** Jellyfin answers lists of users and libraries as arrays, Emby as {@code {Items: [...]}}. */
  JsonNode listIn(JsonNode answer) {
    return this == EMBY ? answer.path("Items") : answer;
  }

  /** Where a user's items are listed: Emby has the user in the path, Jellyfin in the query. */
  String itemsPath(String userId) {
    return this == EMBY ? "/emby/Users/" + userId + "/Items" : "/Items";
  }

  Query itemsQuery(String userId) {
    return this == EMBY ? Query.of() : Query.of("userId", userId);
  }

  String playlistItemsPath(String playlistId) {
    return path("/Playlists/" + playlistId + "/Items");
  }

  Call favorite(String userId, String itemId, boolean favorite) {
    String method = favorite ? "POST" : "DELETE";
    return switch (this) {
      case JELLYFIN -> new Call(method, "/UserFavoriteItems/" + itemId, Query.of("userId", userId));
      case EMBY ->
          new Call(method, "/emby/Users/" + userId + "/FavoriteItems/" + itemId, Query.of());
    };
  }

  Call played(String userId, String itemId, boolean played, Instant at) {
    String method = played ? "POST" : "DELETE";
    Instant date = played ? at : null;
    return switch (this) {
      case JELLYFIN ->
          new Call(
              method,
              "/UserPlayedItems/" + itemId,
              Query.of("userId", userId).and("datePlayed", date));
      case EMBY ->
          new Call(
              method,
              "/emby/Users/" + userId + "/PlayedItems/" + itemId,
              Query.of("DatePlayed", date == null ? null : EMBY_DATE.format(date)));
    };
  }
}
