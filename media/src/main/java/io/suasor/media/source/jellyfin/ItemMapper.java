package io.suasor.media.source.jellyfin;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Makes a Jellyfin or Emby item ({@code BaseItemDto}) into a {@link SourceItem}. */
final class ItemMapper {
  /** The server's item types that Suasor keeps, by the server's name. */
  static final Map<String, MediaType> TYPES =
      Map.of(
          "Movie", MediaType.MOVIE,
          "Series", MediaType.SERIES,
          "Season", MediaType.SEASON,
          "Episode", MediaType.EPISODE,
          "MusicArtist", MediaType.ARTIST,
          "MusicAlbum", MediaType.ALBUM,
          "Audio", MediaType.TRACK);

  private static final Map<String, CreditRole> ROLES =
      Map.of(
          "actor", CreditRole.ACTOR,
          "gueststar", CreditRole.ACTOR,
          "director", CreditRole.DIRECTOR,
          "writer", CreditRole.WRITER,
          "composer", CreditRole.COMPOSER);

  /**
   * The fields a {@link SourceItem} is made of, and so its fingerprint: dates the server changes on
   * its own (last refreshed, image tags) are left out, so an unchanged item keeps its print.
   */
  private static final List<String> MAPPED =
      List.of(
          "Name",
          "Type",
          "OriginalTitle",
          "SortName",
          "ProductionYear",
          "PremiereDate",
          "Overview",
          "Studios",
          "CommunityRating",
          "RunTimeTicks",
          "ProviderIds",
          "Genres",
          "Tags",
          "People",
          "Artists",
          "IndexNumber",
          "ParentIndexNumber",
          "ParentId",
          "SeriesId",
          "SeasonId",
          "AlbumId",
          "AlbumArtists",
          "UserData");

  private static final long TICKS_PER_SECOND = 10_000_000L;

  private ItemMapper() {}

  /** The item, or empty (with a problem reported) when it cannot be one of Suasor's. */
  static Optional<SourceItem> map(JsonNode item, ScanProblems problems) {
    String id = text(item, "Id");
    String where = Optional.ofNullable(text(item, "Path")).orElse("item " + id);
    MediaType type = TYPES.get(item.path("Type").asText());
    if (id == null || type == null) {
      problems.report(
          where,
          "an item of type "
              + item.path("Type").asText("(none)")
              + (id == null ? " without an Id" : " this catalog does not hold"));
      return Optional.empty();
    }
    String name = text(item, "Name");
    if (name == null) {
      problems.report(
          where,
          "a " + type.value() + " without a name (id " + id + "): give it one on the server");
      return Optional.empty();
    }
    ItemMetadata metadata =
        new ItemMetadata(
            name,
            text(item, "OriginalTitle"),
            text(item, "SortName"),
            item.hasNonNull("ProductionYear") ? item.get("ProductionYear").asInt() : null,
            instant(item.get("PremiereDate"))
                .map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC))
                .orElse(null),
            text(item, "Overview"),
            text(item.path("Studios").path(0), "Name"),
            item.hasNonNull("CommunityRating") ? item.get("CommunityRating").asDouble() : null,
            item.hasNonNull("RunTimeTicks")
                ? (int) Math.round(item.get("RunTimeTicks").asDouble() / TICKS_PER_SECOND)
                : null,
            externalIds(item.path("ProviderIds"), type),
            strings(item.path("Genres")),
            strings(item.path("Tags")),
            credits(item, type));
    SourceEntry entry = new SourceEntry(id, type, parentId(item, type), fingerprint(item));
    return Optional.of(
        new SourceItem(
            entry,
            metadata,
            numbering(item, type),
            type == MediaType.EPISODE ? text(item, "SeriesId") : null,
            watchState(item.get("UserData"))));
  }

  static String fingerprint(JsonNode item) {
    return Fingerprints.of(MAPPED.stream().map(item::get).toArray(JsonNode[]::new));
  }

  /**
   * A season's series, an episode's season (its series if it has none), an album's first artist, a
   * track's album.
   */
  private static String parentId(JsonNode item, MediaType type) {
    return switch (type) {
      case SEASON -> Optional.ofNullable(text(item, "SeriesId")).orElse(text(item, "ParentId"));
      case EPISODE -> Optional.ofNullable(text(item, "SeasonId")).orElse(text(item, "SeriesId"));
      case ALBUM -> text(item.path("AlbumArtists").path(0), "Id");
      case TRACK -> text(item, "AlbumId");
      default -> null;
    };
  }

  private static Numbering numbering(JsonNode item, MediaType type) {
    Integer index = item.hasNonNull("IndexNumber") ? item.get("IndexNumber").asInt() : null;
    Integer parentIndex =
        item.hasNonNull("ParentIndexNumber") ? item.get("ParentIndexNumber").asInt() : null;
    return switch (type) {
      case SEASON -> new Numbering(index, null, null, null);
      case EPISODE -> new Numbering(parentIndex, index, null, null);
      case TRACK -> Numbering.track(parentIndex, index);
      default -> Numbering.NONE;
    };
  }

  /**
   * IMDb, TMDB, TVDB, and the MusicBrainz id of what the item is: an album's release, an artist's
   * own id, a track's recording (the server keeps the album's and artists' ids on a track too).
   */
  private static Map<ExternalProvider, String> externalIds(JsonNode ids, MediaType type) {
    Map<ExternalProvider, String> external = new EnumMap<>(ExternalProvider.class);
    String musicBrainz =
        switch (type) {
          case ALBUM -> "musicbrainzalbum";
          case ARTIST -> "musicbrainzartist";
          case TRACK -> "musicbrainztrack";
          default -> null;
        };
    ids.fields()
        .forEachRemaining(
            field -> {
              String key = field.getKey().toLowerCase(Locale.ROOT);
              String value = field.getValue().asText("").strip();
              if (value.isEmpty()) {
                return;
              }
              if (key.equals(musicBrainz)) {
                external.put(ExternalProvider.MUSICBRAINZ, value);
              } else if (!key.startsWith("musicbrainz")) {
                ExternalProvider.parse(key).ifPresent(provider -> external.put(provider, value));
              }
            });
    return external;
  }

  private static List<Credit> credits(JsonNode item, MediaType type) {
    List<Credit> credits = new ArrayList<>();
    for (JsonNode person : item.path("People")) {
      CreditRole role = ROLES.get(person.path("Type").asText().toLowerCase(Locale.ROOT));
      String name = text(person, "Name");
      if (role != null && name != null) {
        credits.add(new Credit(name, role, text(person, "Role"), credits.size()));
      }
    }
    if (type == MediaType.TRACK || type == MediaType.ALBUM) {
      String field = type == MediaType.TRACK ? "Artists" : "AlbumArtists";
      for (JsonNode artist : item.path(field)) {
        String name = artist.isTextual() ? artist.asText() : text(artist, "Name");
        if (name != null && !name.isBlank()) {
          credits.add(new Credit(name, CreditRole.ARTIST, null, credits.size()));
        }
      }
    }
    return credits;
  }

  /** The owner's data; null when the server sent none (the listing asks for it). */
  private static WatchState watchState(JsonNode data) {
    if (data == null || !data.isObject()) {
      return null;
    }
    boolean played = data.path("Played").asBoolean(false);
    double percent = data.path("PlayedPercentage").asDouble(0);
    return new WatchState(
        data.path("PlayCount").asInt(0),
        instant(data.get("LastPlayedDate")).orElse(null),
        played,
        data.hasNonNull("Rating") ? data.get("Rating").asDouble() : null,
        data.path("IsFavorite").asBoolean(false),
        !played && percent > 0 ? percent : null);
  }

  /** The servers write dates with seven decimals and a Z, or now and then without a zone. */
  static Optional<Instant> instant(JsonNode node) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      return Optional.empty();
    }
    String text = node.asText().strip();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutZone) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array) {
      if (value.isTextual() && !value.asText().isBlank()) {
        values.add(value.asText().strip());
      }
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }
}
