package io.suasor.media.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recommended title for a user, with the specification's fields and why it was chosen. {@code
 * score} ranks a run's recommendations for one user (higher first); {@code confidence} (0–1) says
 * how much evidence the choice rests on.
 */
public record Recommendation(
    long id,
    long userId,
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
    Long jobRunId,
    String source,
    Map<String, String> externalIds,
    double score,
    double confidence,
    Instant expiresAt,
    boolean isViewed,
    Double userRating,
    boolean inLibrary,
    boolean dismissed,
    boolean active,
    Instant createdAt) {

  public Recommendation {
    genres = List.copyOf(genres);
    similarItems = List.copyOf(similarItems);
    matchesActors = List.copyOf(matchesActors);
    matchesDirectors = List.copyOf(matchesDirectors);
    matchesGenres = List.copyOf(matchesGenres);
    externalIds = Map.copyOf(externalIds);
  }
}
