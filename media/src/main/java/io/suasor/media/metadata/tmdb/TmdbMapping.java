package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.Artwork;
import io.suasor.media.model.Credit;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.ExternalProvider;
import io.suasor.media.model.ItemMetadata;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TMDB's answers (field names as in its API description) as Suasor's item metadata. */
final class TmdbMapping {
  /** Actors kept of a cast, in billing order: a film's cast runs to hundreds of extras. */
  static final int CAST_KEPT = 15;

  private TmdbMapping() {}

  /** A film's details ({@code /movie/{id}} with credits and external_ids appended). */
  static ItemMetadata movie(JsonNode movie, String title) {
    LocalDate released = date(movie.path("release_date"));
    Map<ExternalProvider, String> ids = new LinkedHashMap<>();
    ids.put(ExternalProvider.TMDB, movie.path("id").asText());
    putId(ids, ExternalProvider.IMDB, text(movie.path("imdb_id")));
    putId(ids, ExternalProvider.IMDB, text(movie.path("external_ids").path("imdb_id")));
    JsonNode runtime = movie.path("runtime");
    return new ItemMetadata(
        title,
        text(movie.path("original_title")),
        null,
        released == null ? null : released.getYear(),
        released,
        text(movie.path("overview")),
        firstName(movie.path("production_companies")),
        rating(movie),
        runtime.isNumber() && runtime.asInt() > 0 ? runtime.asInt() * 60 : null,
        ids,
        names(movie.path("genres")),
        List.of(),
        credits(movie.path("credits").path("cast"), movie.path("credits").path("crew")));
  }

  /** A series' details ({@code /tv/{id}} with credits and external_ids appended). */
  static ItemMetadata series(JsonNode tv, String title) {
    LocalDate firstAired = date(tv.path("first_air_date"));
    Map<ExternalProvider, String> ids = new LinkedHashMap<>();
    ids.put(ExternalProvider.TMDB, tv.path("id").asText());
    putId(ids, ExternalProvider.IMDB, text(tv.path("external_ids").path("imdb_id")));
    putId(ids, ExternalProvider.TVDB, text(tv.path("external_ids").path("tvdb_id")));
    JsonNode runtimes = tv.path("episode_run_time");
    return new ItemMetadata(
        title,
        text(tv.path("original_name")),
        null,
        firstAired == null ? null : firstAired.getYear(),
        firstAired,
        text(tv.path("overview")),
        firstName(tv.path("networks")),
        rating(tv),
        runtimes.size() > 0 && runtimes.get(0).asInt() > 0 ? runtimes.get(0).asInt() * 60 : null,
        ids,
        names(tv.path("genres")),
        List.of(),
        credits(tv.path("credits").path("cast"), tv.path("credits").path("crew")));
  }

  /** An episode as a season's {@code episodes[]} gives it (crew and guest stars included). */
  static ItemMetadata episode(JsonNode episode, String title) {
    LocalDate aired = date(episode.path("air_date"));
    JsonNode runtime = episode.path("runtime");
    return new ItemMetadata(
        title,
        null,
        null,
        aired == null ? null : aired.getYear(),
        aired,
        text(episode.path("overview")),
        null,
        rating(episode),
        runtime.isNumber() && runtime.asInt() > 0 ? runtime.asInt() * 60 : null,
        Map.of(ExternalProvider.TMDB, episode.path("id").asText()),
        List.of(),
        List.of(),
        credits(episode.path("guest_stars"), episode.path("crew")));
  }

  /** A film's or series' poster and backdrop. */
  static Artwork artwork(JsonNode node) {
    return new Artwork(image(node.path("poster_path")), image(node.path("backdrop_path")));
  }

  /** An episode's still stands as its poster; episodes have no backdrop of their own. */
  static Artwork still(JsonNode episode) {
    return new Artwork(image(episode.path("still_path")), null);
  }

  static String image(JsonNode path) {
    String value = text(path);
    return value == null ? null : TmdbSettings.IMAGE_BASE + value;
  }

  /** A {@code YYYY-MM-DD} date; null when missing, empty (TMDB sends "" for unknown) or bad. */
  static LocalDate date(JsonNode node) {
    String value = text(node);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  /** The average vote, when anyone voted: TMDB sends 0 for a title nobody rated. */
  static Double rating(JsonNode node) {
    return node.path("vote_count").asInt() > 0 && node.path("vote_average").isNumber()
        ? node.path("vote_average").asDouble()
        : null;
  }

  static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : list) {
      String name = text(entry.path("name"));
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private static String firstName(JsonNode list) {
    return list.size() > 0 ? text(list.get(0).path("name")) : null;
  }

  private static void putId(
      Map<ExternalProvider, String> ids, ExternalProvider provider, String id) {
    if (id != null) {
      ids.putIfAbsent(provider, id);
    }
  }

  /** The billed cast, and the crew's directors and writers. */
  private static List<Credit> credits(JsonNode cast, JsonNode crew) {
    List<Credit> credits = new ArrayList<>();
    for (JsonNode actor : cast) {
      String name = text(actor.path("name"));
      if (name != null && credits.size() < CAST_KEPT) {
        credits.add(
            new Credit(
                name,
                CreditRole.ACTOR,
                text(actor.path("character")),
                actor.path("order").asInt(credits.size())));
      }
    }
    int order = 0;
    for (JsonNode member : crew) {
      String name = text(member.path("name"));
      CreditRole role =
          switch (member.path("job").asText()) {
            case "Director" -> CreditRole.DIRECTOR;
            case "Writer", "Screenplay", "Teleplay" -> CreditRole.WRITER;
            case "Original Music Composer", "Music" -> CreditRole.COMPOSER;
            default -> null;
          };
      if (name != null && role != null) {
        credits.add(new Credit(name, role, null, order++));
      }
    }
    return credits;
  }
}
