package io.suasor.media.source.subsonic;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.source.SourceEntry;
import io.suasor.media.source.SourceItem;
import io.suasor.media.source.WatchState;
import io.suasor.media.source.http.Fingerprints;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Subsonic's artists (ArtistID3), albums (AlbumID3) and songs (Child) as source items.
 *
 * <p>Their ids are the server's, prefixed with the item's kind ({@code artist:}, {@code album:},
 * {@code track:}): Subsonic servers number artists, albums and songs separately (Subsonic and
 * Airsonic each from 1), so a bare id would not say which item it is, and {@code star} needs to be
 * told whether it stars an artist, an album or a song.
 */
final class SubsonicItems {
  static final String ARTIST = "artist:";
  static final String ALBUM = "album:";
  static final String TRACK = "track:";

  private SubsonicItems() {}

  static SourceItem artist(JsonNode artist) {
    ItemMetadata metadata = metadata(artist, "name", List.of());
    return item(artist, ARTIST, MediaType.ARTIST, null, metadata, Numbering.NONE);
  }

  static SourceItem album(JsonNode album, String artistId) {
    ItemMetadata metadata = metadata(album, "name", artists(album));
    return item(album, ALBUM, MediaType.ALBUM, ARTIST + artistId, metadata, Numbering.NONE);
  }

  static SourceItem track(JsonNode song, String albumId) {
    ItemMetadata metadata = metadata(song, "title", artists(song));
    Numbering numbering = Numbering.track(number(song, "discNumber"), number(song, "track"));
    return item(song, TRACK, MediaType.TRACK, ALBUM + albumId, metadata, numbering);
  }

  /**
   * The owner's data of an item: starred is a favourite, a rating of 1–5 stars is doubled onto
   * Suasor's 0–10 scale; play counts and the last play come only from servers that report them
   * (OpenSubsonic's {@code playCount} and {@code played}; supysonic reports neither).
   */
  static WatchState watchState(JsonNode node) {
    int plays = node.path("playCount").asInt(0);
    Instant lastPlayed = date(node.path("played").asText(null)).orElse(null);
    int stars = node.path("userRating").asInt(0);
    Double rating = stars >= 1 && stars <= 5 ? stars * 2.0 : null;
    return new WatchState(
        plays,
        lastPlayed,
        plays > 0 || lastPlayed != null,
        rating,
        node.hasNonNull("starred"),
        null);
  }

  /**
   * A Subsonic date. Servers differ: ISO with an offset (Subsonic, Navidrome) or without a zone
   * (supysonic, whose dates are in the server's local time); those are read as UTC, the zone most
   * servers in containers run in.
   */
  static Optional<Instant> date(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * The elements of a list in an answer. Servers leave an empty list out ({@code {}}), and some
   * older ones give a one-element list as the element itself.
   */
  static List<JsonNode> list(JsonNode parent, String name) {
    JsonNode value = parent.path(name);
    if (value.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      value.forEach(elements::add);
      return elements;
    }
    return value.isObject() ? List.of(value) : List.of();
  }

  /** An item id taken apart: its kind ({@link #ARTIST}, …) and the server's own id. */
  record ItemId(String kind, String serverId) {
    static Optional<ItemId> of(String sourceItemId) {
      for (String kind : List.of(ARTIST, ALBUM, TRACK)) {
        if (sourceItemId.startsWith(kind) && sourceItemId.length() > kind.length()) {
          return Optional.of(new ItemId(kind, sourceItemId.substring(kind.length())));
        }
      }
      return Optional.empty();
    }
  }

  private static SourceItem item(
      JsonNode node,
      String kind,
      MediaType type,
      String parentId,
      ItemMetadata metadata,
      Numbering numbering) {
    SourceEntry entry =
        new SourceEntry(kind + node.path("id").asText(), type, parentId, Fingerprints.of(node));
    return new SourceItem(entry, metadata, numbering, null, watchState(node));
  }

  private static ItemMetadata metadata(JsonNode node, String titleField, List<Credit> credits) {
    String title = text(node, titleField);
    Map<ExternalProvider, String> ids =
        text(node, "musicBrainzId") == null
            ? Map.of()
            : Map.of(ExternalProvider.MUSICBRAINZ, text(node, "musicBrainzId"));
    return new ItemMetadata(
        title == null ? "Unknown (" + node.path("id").asText() + ")" : title,
        null,
        text(node, "sortName"),
        number(node, "year"),
        null,
        null,
        null,
        null,
        number(node, "duration"),
        ids,
        genres(node),
        List.of(),
        credits);
  }

  /** OpenSubsonic's {@code genres} list where given, else the single {@code genre}. */
  private static List<String> genres(JsonNode node) {
    List<String> genres = new ArrayList<>();
    for (JsonNode genre : list(node, "genres")) {
      String name = text(genre, "name");
      if (name != null) {
        genres.add(name);
      }
    }
    if (genres.isEmpty() && text(node, "genre") != null) {
      genres.add(text(node, "genre"));
    }
    return genres;
  }

  private static List<Credit> artists(JsonNode node) {
    String artist = Optional.ofNullable(text(node, "displayArtist")).orElse(text(node, "artist"));
    return artist == null ? List.of() : List.of(new Credit(artist, CreditRole.ARTIST, null, 0));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }

  private static Integer number(JsonNode node, String field) {
    int value = node.path(field).asInt(0);
    return value > 0 ? value : null;
  }
}
