package io.suasor.media.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.media.store.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * TMDB's answers as its OpenAPI description (v3) shows them, for {@link TmdbStandIn}: a film's and
 * a series' details with credits and external ids appended, a season with its episodes, list items
 * and the paging envelope.
 */
public final class TmdbShapes {
  private TmdbShapes() {}

  /** A series' details and its seasons ({@code /tv/{id}/season/{n}}), in order from season 1. */
  public record Series(ObjectNode details, List<ObjectNode> seasons) {}

  /** A film's details with {@code credits} and {@code external_ids} appended. */
  public static ObjectNode movie(
      long id,
      String title,
      String releaseDate,
      String imdbId,
      List<String> genres,
      List<String> cast,
      String director) {
    ObjectNode movie = Json.mapper().createObjectNode();
    movie.put("adult", false).put("backdrop_path", "/backdrop" + id + ".jpg");
    movie.putNull("belongs_to_collection");
    movie.put("budget", 63000000);
    ArrayNode genreList = movie.putArray("genres");
    genres.forEach(g -> genreList.addObject().put("id", genreId(g)).put("name", g));
    movie.put("homepage", "").put("id", id).put("imdb_id", imdbId);
    movie.putArray("origin_country").add("US");
    movie.put("original_language", "en").put("original_title", title);
    movie.put("overview", "The story of " + title + ".");
    movie.put("popularity", 61.416).put("poster_path", "/poster" + id + ".jpg");
    movie.putArray("production_companies").addObject().put("id", 508).put("name", "Regency");
    movie.put("release_date", releaseDate).put("revenue", 100853753).put("runtime", 139);
    movie.put("status", "Released").put("tagline", "").put("title", title).put("video", false);
    movie.put("vote_average", 8.433).put("vote_count", 26280);
    ObjectNode credits = movie.putObject("credits").put("id", id);
    ArrayNode castList = credits.putArray("cast");
    for (int i = 0; i < cast.size(); i++) {
      castList
          .addObject()
          .put("adult", false)
          .put("gender", 2)
          .put("id", 1000 + i)
          .put("known_for_department", "Acting")
          .put("name", cast.get(i))
          .put("original_name", cast.get(i))
          .put("character", "Role " + (i + 1))
          .put("credit_id", "52fe4250c3a36847f80149f3")
          .put("order", i);
    }
    credits
        .putArray("crew")
        .addObject()
        .put("id", 7467)
        .put("name", director)
        .put("department", "Directing")
        .put("job", "Director")
        .put("credit_id", "52fe4250c3a36847f8014a11");
    movie
        .putObject("external_ids")
        .put("imdb_id", imdbId)
        .putNull("wikidata_id")
        .putNull("facebook_id")
        .putNull("instagram_id")
        .putNull("twitter_id");
    return movie;
  }

  /**
   * A series with seasons of episodes ({@code episodes[season-1]} holds the air dates of that
   * season's episodes, in order); its details name the last aired and next episode as of {@code
   * today}.
   */
  public static Series series(
      long id,
      String name,
      String firstAirDate,
      String tvdbId,
      List<String> genres,
      List<List<String>> episodes,
      String today) {
    ObjectNode tv = Json.mapper().createObjectNode();
    tv.put("adult", false).put("backdrop_path", "/tvbackdrop" + id + ".jpg");
    tv.putArray("created_by");
    tv.putArray("episode_run_time").add(45);
    tv.put("first_air_date", firstAirDate);
    ArrayNode genreList = tv.putArray("genres");
    genres.forEach(g -> genreList.addObject().put("id", genreId(g)).put("name", g));
    tv.put("id", id).put("in_production", true).put("name", name).put("original_name", name);
    tv.putArray("networks").addObject().put("id", 49).put("name", "HBO");
    tv.put("number_of_seasons", episodes.size()).put("overview", "The saga of " + name + ".");
    tv.put("poster_path", "/tvposter" + id + ".jpg").put("status", "Returning Series");
    tv.put("vote_average", 8.4).put("vote_count", 21000);
    ArrayNode seasons = tv.putArray("seasons");
    List<ObjectNode> seasonList = new ArrayList<>();
    ObjectNode last = null;
    ObjectNode next = null;
    for (int s = 1; s <= episodes.size(); s++) {
      ObjectNode season = Json.mapper().createObjectNode();
      season.put("_id", "5256c89f19c2956ff6046d47").put("air_date", episodes.get(s - 1).get(0));
      ArrayNode list = season.putArray("episodes");
      for (int e = 1; e <= episodes.get(s - 1).size(); e++) {
        String airDate = episodes.get(s - 1).get(e - 1);
        ObjectNode episode =
            list.addObject()
                .put("air_date", airDate)
                .put("episode_number", e)
                .put("episode_type", "standard")
                .put("id", id * 1000 + s * 100 + e)
                .put("name", name + " " + s + "x" + e)
                .put("overview", "Episode " + e + " of season " + s + ".")
                .put("production_code", "")
                .put("runtime", 45)
                .put("season_number", s)
                .put("show_id", id)
                .put("still_path", "/still" + s + "x" + e + ".jpg")
                .put("vote_average", 8.1)
                .put("vote_count", 396);
        episode
            .putArray("crew")
            .addObject()
            .put("department", "Directing")
            .put("job", "Director")
            .put("id", 44797)
            .put("name", "Director of " + s + "x" + e);
        episode
            .putArray("guest_stars")
            .addObject()
            .put("character", "Guest")
            .put("id", 119783)
            .put("name", "Guest of " + s + "x" + e)
            .put("order", 62);
        if (airDate.compareTo(today) <= 0) {
          last = episode;
        } else if (next == null) {
          next = episode;
        }
      }
      season.put("id", id * 10 + s).put("name", "Season " + s).put("season_number", s);
      seasonList.add(season);
      seasons.addObject().put("season_number", s).put("episode_count", list.size());
    }
    if (last != null) {
      tv.set("last_episode_to_air", last.deepCopy());
    }
    if (next != null) {
      tv.set("next_episode_to_air", next.deepCopy());
    } else {
      tv.putNull("next_episode_to_air");
    }
    tv.putObject("credits")
        .putArray("cast")
        .addObject()
        .put("name", "Lead of " + name)
        .put("order", 0);
    ((ObjectNode) tv.get("credits")).putArray("crew");
    tv.putObject("external_ids")
        .put("imdb_id", "tt" + (900000 + id))
        .put("tvdb_id", Integer.parseInt(tvdbId))
        .putNull("wikidata_id");
    return new Series(tv, seasonList);
  }

  /** A film as lists ({@code /movie/upcoming}, search) show it. */
  public static ObjectNode listedMovie(long id, String title, String releaseDate, int... genreIds) {
    ObjectNode item = Json.mapper().createObjectNode();
    item.put("adult", false).put("backdrop_path", "/b" + id + ".jpg");
    ArrayNode ids = item.putArray("genre_ids");
    for (int genre : genreIds) {
      ids.add(genre);
    }
    item.put("id", id).put("original_language", "en").put("original_title", title);
    item.put("overview", "About " + title + ".").put("popularity", 1696.367);
    item.put("poster_path", "/p" + id + ".jpg").put("release_date", releaseDate);
    item.put("title", title).put("video", false).put("vote_average", 7).put("vote_count", 207);
    return item;
  }

  static int genreId(String name) {
    return Math.abs(name.hashCode() % 10000);
  }

  /**
   * A film or series as lists show it: {@code titleField} "title" for a film, "name" for a series.
   */
  public static ObjectNode listItem(ObjectNode details, String titleField, String dateField) {
    ObjectNode item = Json.mapper().createObjectNode();
    for (String field :
        List.of(
            "adult",
            "backdrop_path",
            "id",
            titleField,
            "original_" + titleField,
            "overview",
            "poster_path",
            dateField,
            "popularity",
            "vote_average",
            "vote_count")) {
      if (details.has(field)) {
        item.set(field, details.get(field));
      }
    }
    ArrayNode ids = item.putArray("genre_ids");
    details.path("genres").forEach(g -> ids.add(g.path("id").asInt()));
    item.put("media_type", titleField.equals("title") ? "movie" : "tv");
    return item;
  }

  static ObjectNode envelope(int page, int pages, int total, List<ObjectNode> results) {
    ObjectNode body = Json.mapper().createObjectNode().put("page", page);
    ArrayNode list = body.putArray("results");
    results.forEach(list::add);
    return body.put("total_pages", pages).put("total_results", total);
  }
}
