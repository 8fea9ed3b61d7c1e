package io.suasor.media.recommend.ai;

import java.util.List;

/**
 * An AI chat API asked for recommendations: one request per call, the reply parsed strictly. A
 * failure (no connection, a timeout, a refused key, a rate limit, a refusal, a reply that is not
 * the JSON asked for) is an {@link AiRecommenderException} whose {@link
 * AiRecommenderException#reason reason} the caller records before falling back to the built-in
 * recommender.
 */
public interface AiRecommender {
  /**
   * At most {@code prompt.count()} suggestions, best first, none of them an excluded title; an
   * empty list when the model found nothing that fits.
   */
  List<AiSuggestion> suggest(TastePrompt prompt);
}
