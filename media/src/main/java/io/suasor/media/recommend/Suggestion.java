package io.suasor.media.recommend;

import io.suasor.media.model.MediaType;
import java.util.List;
import java.util.Map;

/**
 * A recommendation in the making, as a recommender proposes it: what the stored {@link
 * io.suasor.media.model.Recommendation} will say, without the user, the run, the times and the
 * user's later actions, which {@link RecommendationService} adds.
 *
 * @param mediaItemId the library item, or null for a title outside the library
 * @param recommendedBy {@code builtin}, or the AI recommender's name
 * @param aiModel the AI model that proposed it; null for the built-in recommender
 * @param source where the title was found: {@code library} for an item of the library
 * @param score ranks the user's list, higher first
 * @param confidence 0–1, how much evidence the choice rests on
 */
public record Suggestion(
    Long mediaItemId,
    MediaType mediaType,
    String title,
    Integer year,
    List<String> genres,
    List<Long> similarItems,
    List<String> matchesActors,
    List<String> matchesDirectors,
    List<String> matchesGenres,
    String reasoning,
    String recommendedBy,
    String aiModel,
    String source,
    Map<String, String> externalIds,
    double score,
    double confidence,
    boolean inLibrary) {
  public Suggestion {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a suggestion needs a title");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("a confidence is 0 to 1, was " + confidence);
    }
    genres = List.copyOf(genres);
    similarItems = List.copyOf(similarItems);
    matchesActors = List.copyOf(matchesActors);
    matchesDirectors = List.copyOf(matchesDirectors);
    matchesGenres = List.copyOf(matchesGenres);
    externalIds = Map.copyOf(externalIds);
  }
}
