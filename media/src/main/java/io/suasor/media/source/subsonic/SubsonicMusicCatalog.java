package io.suasor.media.source.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.suasor.media.model.MediaType;
import io.suasor.media.source.PagedCatalog;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.source.http.SourceHttpException.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Subsonic server's music as ID3 tags organise it: every artist ({@code getArtists}), then every
 * album ({@code getArtist} of each artist), then every song ({@code getAlbum} of each album).
 * Albums are read per artist rather than paged through {@code getAlbumList2}, whose orders have
 * ties (albums of one name, or added in one second) that a server may break differently from page
 * to page, losing an album at a page's edge.
 *
 * <p>Subsonic has no per-item "changed since". {@code getIndexes} tells when the library was last
 * changed (scanned), so a listing with {@code changedSince} asks it first and lists nothing when
 * nothing was scanned since, and everything otherwise. Stars, ratings and plays do not change that
 * time: favourites are synced by the favourites step ({@code getStarred2}); ratings and play counts
 * by the next full listing.
 */
final class SubsonicMusicCatalog implements PagedCatalog {
  /** Items handed to the sync at once. */
  static final int PAGE = 200;

  /** Taken off the server's time at the start, so a change made while listing is not missed. */
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final SubsonicApi api;
  private final MusicFolders folders;

  SubsonicMusicCatalog(SubsonicApi api, MusicFolders folders) {
    this.api = api;
    this.folders = folders;
  }

  @Override
  public Set<MediaType> types() {
    return Set.of(MediaType.ARTIST, MediaType.ALBUM, MediaType.TRACK);
  }

  @Override
  public Instant list(Instant changedSince, ScanProblems problems, Pages pages) {
    List<String> scope = folders.scope();
    if (changedSince != null && !scannedSince(changedSince, scope)) {
      return api.serverTime().minus(MARGIN);
    }
    Map<String, JsonNode> artists = artists(scope);
    Instant watermark = api.serverTime().minus(MARGIN);
    Page page = new Page(pages);
    pages.expect(artists.size());
    artists.values().forEach(artist -> page.add(SubsonicItems.artist(artist)));
    page.flush();
    Map<String, Integer> songCounts = albums(artists.keySet(), problems, page);
    pages.expect(songCounts.values().stream().mapToLong(Integer::longValue).sum());
    tracks(songCounts, problems, page);
    return watermark;
  }

  /** Whether any included folder was scanned after {@code since}, as {@code getIndexes} says. */
  private boolean scannedSince(Instant since, List<String> scope) {
    for (String folder : scope) {
      JsonNode indexes =
          api.get(
                  "getIndexes",
                  Query.of("musicFolderId", folder).and("ifModifiedSince", since.toEpochMilli()))
              .path("indexes");
      JsonNode lastModified = indexes.get("lastModified");
      // A server that does not say when is assumed to have changed.
      if (lastModified == null
          || !lastModified.canConvertToLong()
          || lastModified.asLong() >= since.toEpochMilli()) {
        return true;
      }
    }
    return false;
  }

  /** Every artist of the included folders, by id, in the server's order. */
  private Map<String, JsonNode> artists(List<String> scope) {
    Map<String, JsonNode> artists = new LinkedHashMap<>();
    for (String folder : scope) {
      JsonNode answer = api.get("getArtists", Query.of("musicFolderId", folder));
      for (JsonNode index : SubsonicItems.list(answer.path("artists"), "index")) {
        for (JsonNode artist : SubsonicItems.list(index, "artist")) {
          artists.putIfAbsent(artist.path("id").asText(), artist);
        }
      }
    }
    return artists;
  }

  /**
   * Lists every album of the artists, each once, under its own artist (an artist's page also shows
   * albums where they only appear on a song); answers each album's song count.
   */
  private Map<String, Integer> albums(Set<String> artistIds, ScanProblems problems, Page page) {
    Map<String, Integer> songCounts = new LinkedHashMap<>();
    for (String artistId : artistIds) {
      JsonNode artist = read("getArtist", SubsonicItems.ARTIST, artistId, problems).path("artist");
      List<SourceItem> found = new ArrayList<>();
      for (JsonNode album : SubsonicItems.list(artist, "album")) {
        String id = album.path("id").asText();
        if (songCounts.containsKey(id)) {
          continue;
        }
        songCounts.put(id, album.path("songCount").asInt(0));
        String owner = album.path("artistId").asText(artistId);
        found.add(SubsonicItems.album(album, artistIds.contains(owner) ? owner : artistId));
      }
      page.pages.expect(found.size());
      found.forEach(page::add);
    }
    page.flush();
    return songCounts;
  }

  private void tracks(Map<String, Integer> songCounts, ScanProblems problems, Page page) {
    for (Map.Entry<String, Integer> album : songCounts.entrySet()) {
      List<JsonNode> songs =
          SubsonicItems.list(
              read("getAlbum", SubsonicItems.ALBUM, album.getKey(), problems).path("album"),
              "song");
      if (songs.size() > album.getValue()) {
        page.pages.expect(songs.size() - album.getValue());
      }
      for (JsonNode song : songs) {
        page.add(SubsonicItems.track(song, album.getKey()));
      }
    }
    page.flush();
  }

  /** An artist or album; one removed since it was listed is reported and skipped. */
  private JsonNode read(String method, String kind, String id, ScanProblems problems) {
    try {
      return api.get(method, Query.of("id", id));
    } catch (SourceHttpException e) {
      if (e.problem() != Problem.NOT_FOUND) {
        throw e;
      }
      problems.report(kind + id, "gone from the server while listing: " + e.getMessage());
      return MissingNode.getInstance();
    }
  }

  /** Items gathered until a page is full, then handed to the sync. */
  private static final class Page {
    private final Pages pages;
    private final List<SourceItem> items = new ArrayList<>();

    Page(Pages pages) {
      this.pages = pages;
    }

    void add(SourceItem item) {
      items.add(item);
      if (items.size() >= PAGE) {
        flush();
      }
    }

    void flush() {
      if (!items.isEmpty()) {
        pages.page(List.copyOf(items));
        items.clear();
      }
    }
  }
}
