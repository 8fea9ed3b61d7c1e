package io.suasor.media.recommend.ai;

import io.suasor.media.model.MediaType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two messages every provider is sent: a system message saying what to return, and a user
 * message with the user's taste and the library sample. The reply's shape is spelled out in full,
 * since only some providers can be held to JSON by a request option.
 */
final class PromptText {
  private PromptText() {}

  static String system(TastePrompt prompt) {
    String types =
        prompt.wantedTypes().stream().map(MediaType::value).collect(Collectors.joining(", "));
    String excluded =
        prompt.excludedTitles().isEmpty()
            ? ""
            : "Do not suggest these titles: " + String.join("; ", prompt.excludedTitles()) + ".\n";
    return """
        You suggest what one person could watch or listen to next, from a summary of their \
        taste and a sample of their media library. You may suggest titles from the sample or \
        titles the library lacks.

        Answer with one JSON object and nothing else: no prose, no markdown. Its shape:
        {"recommendations":[{"title":"...","year":1999,"mediaType":"movie",\
        "genres":["..."],"score":0.8,"reasoning":"...","similarTitles":["..."],\
        "matchedPeople":["..."]}]}
        - title: the title as published; year: the year of first release, or null if unsure.
        - mediaType: one of %s.
        - genres: the title's genres.
        - score: a number from 0 to 1, how well it fits their taste; list the best first.
        - reasoning: one or two sentences naming what in their taste it matches.
        - similarTitles: titles from their library or profile it resembles.
        - matchedPeople: actors, directors or artists from their taste it shares.
        Suggest at most %d titles.
        %sIf nothing fits, answer {"recommendations":[]}."""
        .formatted(types, prompt.count(), excluded);
  }

  static String user(TastePrompt prompt) {
    StringBuilder text = new StringBuilder("Their taste:\n");
    text.append(prompt.profileSummary().isBlank() ? "(no history yet)" : prompt.profileSummary());
    if (prompt.library().isEmpty()) {
      return text.append("\n\nThe library sample is empty.").toString();
    }
    text.append("\n\nA sample of their library (title (year), kind; genres; people):");
    for (LibrarySample sample : prompt.library()) {
      text.append("\n- ").append(sample.title());
      if (sample.year() != null) {
        text.append(" (").append(sample.year()).append(')');
      }
      text.append(", ").append(sample.type().value());
      appendList(text, sample.genres());
      appendList(text, sample.people());
    }
    return text.toString();
  }

  private static void appendList(StringBuilder text, List<String> values) {
    text.append("; ").append(values.isEmpty() ? "-" : String.join(", ", values));
  }
}
