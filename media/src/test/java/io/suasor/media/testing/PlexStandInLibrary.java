package io.suasor.media.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a {@link PlexStandIn} serves: its library's items as Plex's {@code Metadata} JSON, the
 * accounts, the history, the playlists and the server's clock. Thread-safe: the test changes it
 * while WireMock's threads read it.
 */
final class PlexStandInLibrary {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  /** The accounts: 0 is the server's own, nameless one; 1 its owner, whose token tests use. */
  static final Map<String, String> ACCOUNTS = Map.of("0", "", "1", "owner", "2", "guest");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Integer> TYPE_NUMBERS =
      Map.of(
          "movie", 1, "show", 2, "season", 3, "episode", 4, "artist", 8, "album", 9, "track", 10);

  private final Map<String, ObjectNode> items = new LinkedHashMap<>();
  private final List<ObjectNode> history = new ArrayList<>();
  private final Map<String, ObjectNode> playlists = new LinkedHashMap<>();
  private final Map<String, List<String>> playlistItems = new LinkedHashMap<>();
  private long now = START.getEpochSecond();
  private int nextKey = 9000;
  private String version = "1.42.2.10156-f737b826c";

  synchronized long now() {
    return now;
  }

  synchronized void advance(Duration duration) {
    now += duration.toSeconds();
  }

  synchronized String version() {
    return version;
  }

  synchronized void version(String version) {
    this.version = version;
  }

  /** Adds an item of {@code type} to a section, changed now; returns it to fill in. */
  synchronized ObjectNode add(String section, String type, String ratingKey, String title) {
    ObjectNode item = JSON.createObjectNode();
    item.put("ratingKey", ratingKey)
        .put("key", "/library/metadata/" + ratingKey)
        .put("guid", "plex://" + type + "/" + Long.toHexString(ratingKey.hashCode() * 7919L))
        .put("type", type)
        .put("title", title)
        .put("librarySectionID", Integer.parseInt(section))
        .put("librarySectionKey", "/library/sections/" + section)
        .put("addedAt", now)
        .put("updatedAt", now)
        .put("thumb", "/library/metadata/" + ratingKey + "/thumb/" + now);
    items.put(ratingKey, item);
    return item;
  }

  synchronized String nextKey() {
    return String.valueOf(nextKey++);
  }

  /** Changes an item as a metadata refresh does: its {@code updatedAt} becomes now. */
  synchronized void change(String ratingKey, Consumer<ObjectNode> edit) {
    ObjectNode item = existing(ratingKey);
    edit.accept(item);
    item.put("updatedAt", now);
  }

  /** A play by {@code account} to the end: its view state (the owner's only) and the history. */
  synchronized void play(String ratingKey, String account) {
    ObjectNode item = existing(ratingKey);
    if (account.equals("1")) {
      item.put("viewCount", item.path("viewCount").asInt(0) + 1).put("lastViewedAt", now);
      item.remove("viewOffset");
    }
    ObjectNode entry = JSON.createObjectNode();
    entry
        .put("historyKey", "/status/sessions/history/" + (history.size() + 1))
        .put("key", item.get("key").asText())
        .put("ratingKey", ratingKey)
        .put("librarySectionID", item.get("librarySectionID").asText())
        .put("title", item.get("title").asText())
        .put("type", item.get("type").asText())
        .put("thumb", item.path("thumb").asText())
        .put("viewedAt", now)
        .put("accountID", Integer.parseInt(account))
        .put("deviceID", 1);
    history.add(entry);
  }

  /** {@code /:/scrobble}: played, with no history entry (as the spec says). */
  synchronized boolean scrobble(String ratingKey) {
    ObjectNode item = items.get(ratingKey);
    if (item == null) {
      return false;
    }
    item.put("viewCount", item.path("viewCount").asInt(0) + 1).put("lastViewedAt", now);
    item.remove("viewOffset");
    return true;
  }

  synchronized boolean unscrobble(String ratingKey) {
    ObjectNode item = items.get(ratingKey);
    if (item == null) {
      return false;
    }
    item.remove(List.of("viewCount", "lastViewedAt", "viewOffset"));
    return true;
  }

  synchronized void remove(String ratingKey) {
    existing(ratingKey);
    items.remove(ratingKey);
  }

  synchronized ObjectNode item(String ratingKey) {
    return existing(ratingKey).deepCopy();
  }

  synchronized void playlist(String ratingKey, String title, String type, List<String> entries) {
    ObjectNode playlist = JSON.createObjectNode();
    playlist
        .put("ratingKey", ratingKey)
        .put("key", "/playlists/" + ratingKey + "/items")
        .put("guid", "com.plexapp.agents.none://" + ratingKey)
        .put("type", "playlist")
        .put("title", title)
        .put("playlistType", type)
        .put("smart", false)
        .put("leafCount", entries.size())
        .put("addedAt", now)
        .put("updatedAt", now);
    playlists.put(ratingKey, playlist);
    playlistItems.put(ratingKey, List.copyOf(entries));
  }

  /**
   * A section's items of one type number, in the order they were added, optionally only those whose
   * date field is after a time (Plex's {@code updatedAt>>=} and {@code lastViewedAt>>=}).
   */
  synchronized List<ObjectNode> items(String section, int type, Map<String, Long> after) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode item : items.values()) {
      if (!item.get("librarySectionID").asText().equals(section)
          || TYPE_NUMBERS.get(item.get("type").asText()) != type) {
        continue;
      }
      boolean changed =
          after.entrySet().stream()
              .allMatch(f -> item.path(f.getKey()).asLong(Long.MIN_VALUE) > f.getValue());
      if (changed) {
        found.add(item.deepCopy());
      }
    }
    return found;
  }

  /** The history, newest first, of one account or all. */
  synchronized List<ObjectNode> history(String account) {
    return history.stream()
        .filter(e -> account == null || e.get("accountID").asText().equals(account))
        .sorted(Comparator.comparingLong((ObjectNode e) -> e.get("viewedAt").asLong()).reversed())
        .map(ObjectNode::deepCopy)
        .toList();
  }

  synchronized List<ObjectNode> playlists() {
    return playlists.values().stream().map(ObjectNode::deepCopy).toList();
  }

  /** A playlist's items, each with its {@code playlistItemID}; null when there is none. */
  synchronized List<ObjectNode> playlistItems(String ratingKey) {
    List<String> keys = playlistItems.get(ratingKey);
    if (keys == null) {
      return null;
    }
    List<ObjectNode> found = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      ObjectNode item = items.get(keys.get(i));
      if (item != null) {
        found.add(item.deepCopy().put("playlistItemID", Integer.parseInt(ratingKey) * 100 + i));
      }
    }
    return found;
  }

  static ArrayNode tags(String... tags) {
    ArrayNode array = JSON.createArrayNode();
    for (String tag : tags) {
      array.addObject().put("tag", tag);
    }
    return array;
  }

  static ArrayNode guids(String... ids) {
    ArrayNode array = JSON.createArrayNode();
    for (String id : ids) {
      array.addObject().put("id", id);
    }
    return array;
  }

  private ObjectNode existing(String ratingKey) {
    ObjectNode item = items.get(ratingKey);
    if (item == null) {
      throw new IllegalArgumentException("the Plex stand-in has no item " + ratingKey);
    }
    return item;
  }
}
