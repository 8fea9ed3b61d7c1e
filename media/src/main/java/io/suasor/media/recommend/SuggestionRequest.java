package io.suasor.media.recommend;

import io.suasor.media.model.JobPreferences;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a {@link SuggestionSource} is asked for one user.
 *
 * @param preferences the user's job preferences: the recommender they chose with its address and
 *     model, how many titles of which kinds, genres to prefer and avoid, the lowest rating
 * @param taste the user's taste, from their history, activity profile and preferred genres
 * @param builtIn what the built-in recommender chose for them: titles of the library that fit their
 *     taste, to offer as a sample of the library
 * @param excludedItemIds library items the user must not be recommended (they played, rated,
 *     dismissed or ignored them); the service drops any suggestion of one
 * @param excludedTitles the titles of those items, the ones the user liked most first, at most
 *     {@link #EXCLUDED_TITLES_MAX}
 */
public record SuggestionRequest(
    long userId,
    JobPreferences preferences,
    TasteSummary taste,
    List<Suggestion> builtIn,
    Set<Long> excludedItemIds,
    List<String> excludedTitles,
    Instant now) {
  public static final int EXCLUDED_TITLES_MAX = 200;

  public SuggestionRequest {
    builtIn = List.copyOf(builtIn);
    excludedItemIds = Set.copyOf(excludedItemIds);
    excludedTitles = List.copyOf(excludedTitles);
  }
}
