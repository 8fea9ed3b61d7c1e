package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.metadata.tmdb.TmdbClient.ExternalSource;
import io.suasor.media.model.ExternalProvider;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a title's TMDB id: its own when it has one, else by its IMDb or TVDB id ({@code /find}),
 * else by a search on its title and year that accepts only a result of the same title (or original
 * title) and year, give or take one (release dates differ between countries).
 */
final class TmdbMatcher {
  private TmdbMatcher() {}

  static Optional<Long> movie(
      TmdbClient client, Map<ExternalProvider, String> ids, String title, Integer year) {
    Optional<Long> own = number(ids.get(ExternalProvider.TMDB));
    if (own.isPresent()) {
      return own;
    }
    String imdb = ids.get(ExternalProvider.IMDB);
    if (imdb != null) {
      Optional<Long> found = first(client.find(imdb, ExternalSource.IMDB), "movie_results");
      if (found.isPresent()) {
        return found;
      }
    }
    return best(client.searchMovies(title, year, 1), title, year, "title", "release_date");
  }

  static Optional<Long> series(
      TmdbClient client, Map<ExternalProvider, String> ids, String title, Integer year) {
    Optional<Long> own = number(ids.get(ExternalProvider.TMDB));
    if (own.isPresent()) {
      return own;
    }
    for (ExternalProvider provider : List.of(ExternalProvider.IMDB, ExternalProvider.TVDB)) {
      String id = ids.get(provider);
      if (id != null) {
        ExternalSource source =
            provider == ExternalProvider.IMDB ? ExternalSource.IMDB : ExternalSource.TVDB;
        Optional<Long> found = first(client.find(id, source), "tv_results");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (title == null) {
      return Optional.empty();
    }
    return best(client.searchTv(title, year, 1), title, year, "name", "first_air_date");
  }

  private static Optional<Long> first(Optional<JsonNode> found, String list) {
    return found
        .map(answer -> answer.path(list))
        .filter(results -> results.size() > 0)
        .map(results -> results.get(0).path("id").asLong());
  }

  private static Optional<Long> best(
      List<JsonNode> results, String title, Integer year, String titleField, String dateField) {
    String wanted = normal(title);
    for (JsonNode result : results) {
      boolean sameTitle =
          wanted.equals(normal(result.path(titleField).asText()))
              || wanted.equals(normal(result.path("original_" + titleField).asText()));
      LocalDate date = TmdbMapping.date(result.path(dateField));
      boolean sameYear = year == null || date != null && Math.abs(date.getYear() - year) <= 1;
      if (sameTitle && sameYear) {
        return Optional.of(result.path("id").asLong());
      }
    }
    return Optional.empty();
  }

  /** A title without case, accents or punctuation: "Amélie!" and "amelie" are one title. */
  static String normal(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static Optional<Long> number(String id) {
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(id.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
