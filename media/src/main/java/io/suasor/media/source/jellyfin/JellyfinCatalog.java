package io.suasor.media.source.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.http.ServerHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The movies, the series or the music of a Jellyfin or Emby server: each of the server's item types
 * listed in turn, parents' types first (series, seasons, episodes), a page at a time.
 */
final class JellyfinCatalog implements PagedCatalog {
  /**
   * How far before its first answer the next listing starts: a change saved while this one ran,
   * stamped a little before the server's answer was dated, is listed again rather than missed.
   */
  static final Duration OVERLAP = Duration.ofMinutes(1);

  /** The server's type of music artists, which are listed by a route of their own. */
  static final String ARTIST = "MusicArtist";

  private final ItemPages items;
  private final ServerHttp http;
  private final List<String> serverTypes;

  /**
   * @param serverTypes the server's item types, parents' first, e.g. Series, Season, Episode
   */
  JellyfinCatalog(ItemPages items, ServerHttp http, List<String> serverTypes) {
    this.items = items;
    this.http = http;
    this.serverTypes = List.copyOf(serverTypes);
  }

  @Override
  public Set<MediaType> types() {
    Set<MediaType> types = new LinkedHashSet<>();
    serverTypes.forEach(type -> types.add(ItemMapper.TYPES.get(type)));
    return types;
  }

  /**
   * With {@code changedSince}, each type is listed twice: once for changed metadata ({@code
   * minDateLastSaved}), once for changed user data ({@code minDateLastSavedForUser}), since the
   * server combines two such filters with "and". An item changed in both ways comes twice, which a
   * sync takes as the same item. Music artists are the exception: see {@link #passes}.
   *
   * @return the date of the server's first answer less {@link #OVERLAP}; null when the server sends
   *     no {@code Date}, so the next listing lists everything rather than miss a change
   */
  @Override
  public Instant list(Instant changedSince, ScanProblems problems, Pages pages) {
    Instant[] firstAnswer = {null};
    boolean[] answered = {false};
    Consumer<List<JsonNode>> onPage =
        page -> {
          if (!answered[0]) {
            answered[0] = true;
            firstAnswer[0] = http.lastServerDate().orElse(null);
          }
          hand(page, problems, pages);
        };
    for (String serverType : serverTypes) {
      for (Map<String, Object> filter : passes(serverType, changedSince)) {
        if (serverType.equals(ARTIST)) {
          items.albumArtists(filter, pages::expect, onPage);
        } else {
          items.inLibraries(List.of(serverType), filter, pages::expect, onPage);
        }
      }
    }
    return firstAnswer[0] == null ? null : firstAnswer[0].minus(OVERLAP);
  }

  /**
   * The filters of each listing of a type. Artists are listed completely even when only changes are
   * asked for: their route, {@code /Artists/AlbumArtists}, takes no "changed since" filter in
   * Jellyfin, and a library has far fewer artists than tracks, so listing them all costs little; a
   * sync skips the unchanged ones by their fingerprints.
   */
  private static List<Map<String, Object>> passes(String serverType, Instant changedSince) {
    if (changedSince == null || serverType.equals(ARTIST)) {
      return List.of(Map.of());
    }
    return List.of(
        Map.of("minDateLastSaved", changedSince.toString()),
        Map.of("minDateLastSavedForUser", changedSince.toString()));
  }

  private static void hand(List<JsonNode> page, ScanProblems problems, Pages pages) {
    List<SourceItem> mapped = new ArrayList<>(page.size());
    for (JsonNode item : page) {
      ItemMapper.map(item, problems).ifPresent(mapped::add);
    }
    if (!mapped.isEmpty()) {
      pages.page(mapped);
    }
  }
}
