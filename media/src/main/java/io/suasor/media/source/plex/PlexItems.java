package io.suasor.media.source.plex;

import static io.suasor.media.source.plex.PlexPaging.list;
import static io.suasor.media.source.plex.PlexPaging.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.ScanProblems;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.WatchState;
import io.suasor.media.source.http.Fingerprints;
import io.suasor.media.store.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Makes the {@code Metadata} items of Plex's library listings into source items. */
final class PlexItems {
  /** The fields read below: an item's fingerprint is theirs, so other changes write nothing. */
  private static final List<String> READ =
      List.of(
          "ratingKey",
          "parentRatingKey",
          "grandparentRatingKey",
          "title",
          "originalTitle",
          "titleSort",
          "year",
          "originallyAvailableAt",
          "summary",
          "studio",
          "rating",
          "audienceRating",
          "duration",
          "index",
          "parentIndex",
          "guid",
          "Guid",
          "Genre",
          "Director",
          "Writer",
          "Role",
          "viewCount",
          "lastViewedAt",
          "viewOffset",
          "userRating",
          "leafCount",
          "viewedLeafCount");

  private PlexItems() {}

  /** Plex's number for each type, as {@code type=N} takes it (plex-description.md's table). */
  static int typeNumber(MediaType type) {
    return switch (type) {
      case MOVIE -> 1;
      case SERIES -> 2;
      case SEASON -> 3;
      case EPISODE -> 4;
      case ARTIST -> 8;
      case ALBUM -> 9;
      case TRACK -> 10;
    };
  }

  /** The item, or empty (with a problem reported) when Plex's answer cannot make one. */
  static Optional<SourceItem> item(JsonNode metadata, MediaType type, ScanProblems problems) {
    String id = text(metadata, "ratingKey");
    String title = text(metadata, "title");
    if (id == null || title == null) {
      problems.report(
          "plex " + type.value() + " " + (id != null ? id : title),
          "Plex lists it without a " + (id == null ? "ratingKey" : "title") + "; left out");
      return Optional.empty();
    }
    boolean child =
        switch (type) {
          case SEASON, EPISODE, ALBUM, TRACK -> true;
          case MOVIE, SERIES, ARTIST -> false;
        };
    String parent = child ? text(metadata, "parentRatingKey") : null;
    if (child && parent == null) {
      problems.report(id, "Plex lists this " + type.value() + " without its parent; left out");
      return Optional.empty();
    }
    String series =
        switch (type) {
          case SEASON -> parent;
          case EPISODE -> text(metadata, "grandparentRatingKey");
          default -> null;
        };
    SourceEntry entry = new SourceEntry(id, type, parent, fingerprint(metadata));
    return Optional.of(
        new SourceItem(
            entry,
            metadata(metadata, type, id, title, problems),
            numbering(metadata, type),
            series,
            watchState(metadata, type)));
  }

  private static ItemMetadata metadata(
      JsonNode m, MediaType type, String id, String title, ScanProblems problems) {
    List<Credit> credits = new ArrayList<>();
    credits(credits, m, "Role", CreditRole.ACTOR);
    credits(credits, m, "Director", CreditRole.DIRECTOR);
    credits(credits, m, "Writer", CreditRole.WRITER);
    // A track's originalTitle is its own artist where it differs from the album's, not a title.
    String originalTitle = text(m, "originalTitle");
    if (type == MediaType.TRACK && originalTitle != null) {
      credits.add(new Credit(originalTitle, CreditRole.ARTIST, null, 0));
      originalTitle = null;
    }
    return new ItemMetadata(
        title,
        originalTitle,
        text(m, "titleSort"),
        m.hasNonNull("year") ? m.get("year").asInt() : null,
        date(m, id, problems),
        text(m, "summary"),
        text(m, "studio"),
        rating(m),
        m.hasNonNull("duration") ? (int) Math.round(m.get("duration").asLong() / 1000.0) : null,
        externalIds(m),
        list(m, "Genre").stream().map(tag -> text(tag, "tag")).filter(Objects::nonNull).toList(),
        List.of(),
        credits);
  }

  /**
   * The audience's rating where Plex has one, else the critics': other sources' ratings are the
   * audience's (Jellyfin's CommunityRating), so one item's rating means the same from each.
   */
  private static Double rating(JsonNode m) {
    if (m.hasNonNull("audienceRating")) {
      return m.get("audienceRating").asDouble();
    }
    return m.hasNonNull("rating") ? m.get("rating").asDouble() : null;
  }

  private static void credits(List<Credit> credits, JsonNode m, String element, CreditRole role) {
    int order = 0;
    for (JsonNode tag : list(m, element)) {
      String person = text(tag, "tag");
      if (person != null) {
        credits.add(new Credit(person, role, text(tag, "role"), order++));
      }
    }
  }

  /** "YYYY-MM-DD", sometimes followed by a time of day. */
  private static LocalDate date(JsonNode m, String id, ScanProblems problems) {
    String text = text(m, "originallyAvailableAt");
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.report(id, "unreadable originallyAvailableAt \"" + text + "\"; left out");
      return null;
    }
  }

  /**
   * The {@code Guid} ids ({@code includeGuids=1}): {@code imdb://tt…}, {@code tmdb://…}, {@code
   * tvdb://…}, {@code mbid://…}. Items matched by the legacy agents have only {@code guid}, e.g.
   * {@code com.plexapp.agents.imdb://tt0133093?lang=en}; an episode's legacy guid names its show,
   * season and number ({@code thetvdb://81189/1/2}), not an id of its own, so it is left out.
   */
  static Map<ExternalProvider, String> externalIds(JsonNode m) {
    Map<ExternalProvider, String> ids = new EnumMap<>(ExternalProvider.class);
    for (JsonNode guid : list(m, "Guid")) {
      String uri = text(guid, "id");
      if (uri != null) {
        externalId(ids, uri);
      }
    }
    String legacy = text(m, "guid");
    if (legacy != null && legacy.startsWith("com.plexapp.agents.")) {
      externalId(ids, legacy.substring("com.plexapp.agents.".length()));
    }
    return ids;
  }

  private static void externalId(Map<ExternalProvider, String> ids, String uri) {
    int separator = uri.indexOf("://");
    if (separator < 0) {
      return;
    }
    String value = uri.substring(separator + 3);
    int query = value.indexOf('?');
    value = query < 0 ? value : value.substring(0, query);
    if (value.isBlank() || value.contains("/")) {
      return;
    }
    ExternalProvider provider =
        switch (uri.substring(0, separator)) {
          case "imdb" -> ExternalProvider.IMDB;
          case "tmdb", "themoviedb" -> ExternalProvider.TMDB;
          case "tvdb", "thetvdb" -> ExternalProvider.TVDB;
          case "mbid", "musicbrainz" -> ExternalProvider.MUSICBRAINZ;
          default -> null;
        };
    if (provider != null) {
      ids.putIfAbsent(provider, value);
    }
  }

  private static Numbering numbering(JsonNode m, MediaType type) {
    Integer index = m.hasNonNull("index") ? m.get("index").asInt() : null;
    Integer parentIndex = m.hasNonNull("parentIndex") ? m.get("parentIndex").asInt() : null;
    return switch (type) {
      case SEASON -> new Numbering(index, null, null, null);
      case EPISODE -> new Numbering(parentIndex, index, null, null);
      // A track's parentIndex is its disc.
      case TRACK -> Numbering.track(parentIndex, index);
      case MOVIE, SERIES, ARTIST, ALBUM -> Numbering.NONE;
    };
  }

  /** The token's account's view state; Plex keeps no favourites. */
  static WatchState watchState(JsonNode m, MediaType type) {
    int playCount = m.path("viewCount").asInt(0);
    Instant lastPlayed =
        m.hasNonNull("lastViewedAt") ? Instant.ofEpochSecond(m.get("lastViewedAt").asLong()) : null;
    long leaves = m.path("leafCount").asLong(0);
    // A show, season, artist or album is played when all its episodes or tracks are.
    boolean watched =
        leaves > 0 && type != MediaType.MOVIE && type != MediaType.EPISODE
            ? m.path("viewedLeafCount").asLong(0) >= leaves
            : playCount > 0;
    Double userRating = m.hasNonNull("userRating") ? m.get("userRating").asDouble() : null;
    long offset = m.path("viewOffset").asLong(0);
    long duration = m.path("duration").asLong(0);
    Double resume = offset > 0 && duration > 0 ? Math.min(100.0, 100.0 * offset / duration) : null;
    return new WatchState(playCount, lastPlayed, watched, userRating, null, resume);
  }

  private static String fingerprint(JsonNode m) {
    ObjectNode read = Json.mapper().createObjectNode();
    for (String field : READ) {
      if (m.has(field)) {
        read.set(field, m.get(field));
      }
    }
    return Fingerprints.of(read);
  }
}
