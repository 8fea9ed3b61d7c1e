package io.suasor.media.recommend;

import java.util.List;
import java.util.Optional;

/**
 * A recommender other than the built-in one, such as an AI chat API, plugged into {@link
 * RecommendationService}. The service asks it for every user whose preferences chose a recommender
 * other than {@code builtin}; the built-in recommender serves the rest, and stands in whenever this
 * one fails.
 */
@FunctionalInterface
public interface SuggestionSource {
  /**
   * The user's suggestions, best first; empty when this source does not serve the recommender the
   * user chose (the built-in one serves them then, and nothing counts as a fallback).
   *
   * @throws SuggestionSourceException (or any runtime exception) when the recommender could not
   *     answer: the service falls back to the built-in recommender and counts why
   */
  Optional<List<Suggestion>> suggest(SuggestionRequest request);

  /** No recommender besides the built-in one. */
  static SuggestionSource none() {
    return request -> Optional.empty();
  }
}
