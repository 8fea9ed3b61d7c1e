package io.suasor.media.recommend.ai;

import io.suasor.media.model.MediaType;
import java.util.List;

/**
 * One title an AI recommender suggested, as it said it; matching it to a library item is the
 * caller's work.
 *
 * @param year the year of first release, null when the model did not say
 * @param mediaType null when the model did not say
 * @param score how well it fits the user's taste, 0 to 1
 * @param reasoning why it fits, in the model's words; empty when it gave none
 * @param similarTitles titles of the user's it resembles
 * @param matchedPeople actors, directors or artists it shares with the user's taste
 */
public record AiSuggestion(
    String title,
    Integer year,
    MediaType mediaType,
    List<String> genres,
    double score,
    String reasoning,
    List<String> similarTitles,
    List<String> matchedPeople) {
  public AiSuggestion {
    genres = List.copyOf(genres);
    similarTitles = List.copyOf(similarTitles);
    matchedPeople = List.copyOf(matchedPeople);
  }
}
