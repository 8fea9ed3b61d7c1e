package io.suasor.media.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.media.store.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The item listings of {@link JellyfinStandIn}: {@code GET /Items} (Emby: {@code GET
 * /Users/{U}/Items}) with the filters a client syncs by, a library's artists and a playlist's
 * items; all paged.
 */
final class StandInItems {
  /** Fields the servers send only when {@code fields} asks for them. */
  private static final Set<String> OPTIONAL =
      Set.of(
          "ProviderIds",
          "Genres",
          "People",
          "Overview",
          "DateCreated",
          "Path",
          "DateLastSaved",
          "OriginalTitle",
          "SortName",
          "Studios",
          "Tags");

  private final JellyfinStandIn standIn;

  StandInItems(JellyfinStandIn standIn) {
    this.standIn = standIn;
  }

  /** Parameters by lower-cased name. */
  ObjectNode list(String userId, Map<String, String> query, boolean emby) {
    Set<String> types = set(query.get("includeitemtypes"));
    Set<String> ids = set(query.get("ids"));
    String parentId = query.get("parentid");
    boolean recursive = Boolean.parseBoolean(query.get("recursive"));
    Instant minSaved = instant(query.get("mindatelastsaved"));
    Instant minUserSaved = instant(query.get("mindatelastsavedforuser"));
    String favorite = query.get("isfavorite");
    String played = query.get("isplayed");
    if (userId == null && (minUserSaved != null || favorite != null || played != null)) {
      throw new IllegalArgumentException("these filters need a userId");
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : standIn.items.values()) {
      String id = item.get("Id").asText();
      boolean under =
          parentId == null
              || (recursive
                  ? standIn.ancestors(id).contains(parentId)
                  : parentId.equals(item.path("ParentId").asText()));
      if ((!types.isEmpty() && !types.contains(item.get("Type").asText()))
          || (!ids.isEmpty() && !ids.contains(id))
          || !under
          || (minSaved != null
              && Instant.parse(item.get("DateLastSaved").asText()).isBefore(minSaved))
          || (minUserSaved != null && !savedSince(userId, id, minUserSaved))
          || (favorite != null && !flag(userId, id, "IsFavorite").equals(favorite))
          || (played != null && !flag(userId, id, "Played").equals(played))) {
        continue;
      }
      matching.add(item);
    }
    return page(matching, userId, query, emby);
  }

  /**
   * {@code GET /Artists/AlbumArtists}: the artists of a library (of every library without {@code
   * parentId}), optionally only the user's favourites. Other filters are ignored, as Jellyfin
   * ignores parameters it does not take, among them the "changed since" ones.
   */
  ObjectNode albumArtists(String userId, Map<String, String> query, boolean emby) {
    String parentId = query.get("parentid");
    String favorite = query.get("isfavorite");
    if (userId == null && favorite != null) {
      throw new IllegalArgumentException("isFavorite needs a userId");
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode item : standIn.items.values()) {
      String id = item.get("Id").asText();
      if (item.get("Type").asText().equals("MusicArtist")
          && (parentId == null || parentId.equals(standIn.artistLibraries.get(id)))
          && (favorite == null || flag(userId, id, "IsFavorite").equals(favorite))) {
        matching.add(item);
      }
    }
    return page(matching, userId, query, emby);
  }

  /** A playlist's entries, in order, each with its {@code PlaylistItemId}. */
  ObjectNode playlist(String playlistId, String userId, Map<String, String> query, boolean emby) {
    List<ObjectNode> entries = new ArrayList<>();
    List<String> itemIds = standIn.playlists.get(playlistId);
    for (int i = 0; i < itemIds.size(); i++) {
      ObjectNode item = standIn.items.get(itemIds.get(i));
      if (item != null) {
        entries.add(item.deepCopy().put("PlaylistItemId", playlistId + "-" + i));
      }
    }
    return page(entries, userId, query, emby);
  }

  private ObjectNode page(
      List<ObjectNode> matching, String userId, Map<String, String> query, boolean emby) {
    int start = Integer.parseInt(query.getOrDefault("startindex", "0"));
    int limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(Integer.MAX_VALUE)));
    Set<String> fields = set(query.get("fields"));
    boolean withUserData = userId != null && !"false".equalsIgnoreCase(query.get("enableuserdata"));
    ArrayNode page = JellyfinStandIn.array();
    for (int i = start; i < matching.size() && i - start < limit; i++) {
      ObjectNode item = matching.get(i).deepCopy();
      OPTIONAL.stream().filter(field -> !fields.contains(field)).forEach(item::remove);
      if (withUserData) {
        item.set("UserData", standIn.userDataOf(userId, item.get("Id").asText()).deepCopy());
      }
      page.add(item);
    }
    ObjectNode result = Json.mapper().createObjectNode();
    result.set("Items", page);
    result.put("TotalRecordCount", matching.size());
    // Emby's QueryResult has no StartIndex.
    return emby ? result : result.put("StartIndex", start);
  }

  private boolean savedSince(String userId, String itemId, Instant since) {
    Instant saved = standIn.userDataSaved.getOrDefault(userId, Map.of()).get(itemId);
    return saved != null && !saved.isBefore(since);
  }

  private String flag(String userId, String itemId, String field) {
    return String.valueOf(standIn.userDataOf(userId, itemId).path(field).asBoolean());
  }

  private static Instant instant(String text) {
    return text == null ? null : OffsetDateTime.parse(text).toInstant();
  }

  /** A comma-separated list (repeated parameters are joined with commas as they are read). */
  private static Set<String> set(String list) {
    return list == null || list.isBlank()
        ? Set.of()
        : Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toSet());
  }
}
