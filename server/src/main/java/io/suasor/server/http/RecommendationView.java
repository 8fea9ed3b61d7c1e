package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.suasor.media.model.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A recommendation as the API answers it: the original's field names, plus {@code score}. */
record RecommendationView(
    long id,
    long userId,
    Long mediaItemId,
    String mediaType,
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
    @JsonProperty("isViewed") boolean isViewed,
    Double userRating,
    boolean inLibrary,
    boolean dismissed,
    boolean active,
    Instant createdAt) {

  static RecommendationView of(Recommendation r) {
    return new RecommendationView(
        r.id(),
        r.userId(),
        r.mediaItemId(),
        r.mediaType().value(),
        r.title(),
        r.year(),
        r.genres(),
        r.similarItems(),
        r.matchesActors(),
        r.matchesDirectors(),
        r.matchesGenres(),
        r.reasoning(),
        r.recommendedBy(),
        r.aiModel(),
        r.jobRunId(),
        r.source(),
        r.externalIds(),
        r.score(),
        r.confidence(),
        r.expiresAt(),
        r.isViewed(),
        r.userRating(),
        r.inLibrary(),
        r.dismissed(),
        r.active(),
        r.createdAt());
  }
}
