package io.suasor.media.recommend.ai;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.Recommender;
import io.suasor.media.recommend.Suggestion;
import io.suasor.media.recommend.SuggestionRequest;
import io.suasor.media.recommend.SuggestionSource;
import io.suasor.media.recommend.SuggestionSourceException;
import io.suasor.media.recommend.TasteSummary;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.MatchKeys;
import io.suasor.media.store.RecommenderKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The AI chat recommenders as a {@link SuggestionSource}: for a user who chose one, asks it with
 * their taste and a sample of the library, matches each title it names to a library item where one
 * exists, and turns a provider's failure into a {@link SuggestionSourceException} whose reason the
 * run's statistics count (the built-in recommender then stands in).
 */
public final class AiSuggestionSource implements SuggestionSource {
  /** Library titles offered to the model as a sample of what the user has. */
  static final int LIBRARY_SAMPLE = 60;

  private final Database database;
  private final RecommenderKeys keys;
  private final HttpSettings http;

  public AiSuggestionSource(Database database, RecommenderKeys keys, HttpSettings http) {
    this.database = database;
    this.keys = keys;
    this.http = http;
  }

  @Override
  public Optional<List<Suggestion>> suggest(SuggestionRequest request) {
    Recommender kind = request.preferences().recommender();
    if (kind == Recommender.BUILTIN) {
      return Optional.empty();
    }
    AiRecommender recommender;
    try {
      recommender =
          AiRecommenders.open(
              kind,
              request.preferences().recommenderUrl(),
              request.preferences().recommenderModel(),
              keys.key(request.userId()).orElse(null),
              http);
    } catch (IllegalArgumentException e) {
      throw new SuggestionSourceException("settings", e.getMessage(), e);
    }
    List<AiSuggestion> answered;
    try {
      answered = recommender.suggest(prompt(request));
    } catch (AiRecommenderException e) {
      throw new SuggestionSourceException(
          e.reason().name().toLowerCase(Locale.ROOT), e.getMessage(), e);
    }
    List<Suggestion> suggestions = new ArrayList<>();
    for (AiSuggestion suggestion : answered) {
      Optional<Long> item = libraryItem(suggestion);
      if (item.isPresent() && request.excludedItemIds().contains(item.get())) {
        continue;
      }
      suggestions.add(
          new Suggestion(
              item.orElse(null),
              suggestion.mediaType() == null ? MediaType.MOVIE : suggestion.mediaType(),
              suggestion.title(),
              suggestion.year(),
              suggestion.genres(),
              List.of(),
              suggestion.matchedPeople(),
              List.of(),
              suggestion.genres(),
              reason(suggestion),
              kind.value(),
              request.preferences().recommenderModel(),
              item.isPresent() ? "library" : kind.value(),
              Map.of(),
              suggestion.score(),
              suggestion.score(),
              item.isPresent()));
    }
    return Optional.of(suggestions);
  }

  private static TastePrompt prompt(SuggestionRequest request) {
    List<LibrarySample> library =
        request.builtIn().stream()
            .limit(LIBRARY_SAMPLE)
            .map(
                s ->
                    new LibrarySample(
                        s.title(), s.year(), s.mediaType(), s.genres(), s.matchesActors()))
            .toList();
    return new TastePrompt(
        summary(request.taste()),
        library,
        request.preferences().maxRecommendations(),
        request.preferences().mediaTypes(),
        request.excludedTitles());
  }

  /** The user's taste in a few lines a model reads. */
  static String summary(TasteSummary taste) {
    StringBuilder text = new StringBuilder();
    if (!taste.liked().isEmpty()) {
      text.append("Liked most: ")
          .append(
              taste.liked().stream()
                  .limit(15)
                  .map(l -> l.title() + (l.year() == null ? "" : " (" + l.year() + ")"))
                  .collect(Collectors.joining("; ")))
          .append(".\n");
    }
    line(text, "Genres", taste.genres());
    line(text, "People", taste.people());
    line(text, "Decades", taste.decades());
    return text.isEmpty() ? "No history yet." : text.toString().strip();
  }

  private static void line(StringBuilder text, String label, List<TasteSummary.Weighted> weighted) {
    if (weighted.isEmpty()) {
      return;
    }
    text.append(label)
        .append(": ")
        .append(
            weighted.stream()
                .limit(10)
                .map(
                    w ->
                        w.name()
                            + (w.role() == null || w.role().isBlank() ? "" : " (" + w.role() + ")")
                            + String.format(Locale.ROOT, " %.0f%%", w.weight() * 100))
                .collect(Collectors.joining(", ")))
        .append(".\n");
  }

  private static String reason(AiSuggestion suggestion) {
    String reasoning = suggestion.reasoning() == null ? "" : suggestion.reasoning().strip();
    if (!suggestion.similarTitles().isEmpty()) {
      String similar = "Similar to " + String.join(", ", suggestion.similarTitles()) + ".";
      return reasoning.isEmpty() ? similar : reasoning + " " + similar;
    }
    return reasoning.isEmpty() ? "Suggested by the AI recommender." : reasoning;
  }

  /** The library's item a named title is, by its match key (title, year and kind). */
  private Optional<Long> libraryItem(AiSuggestion suggestion) {
    MediaType type = suggestion.mediaType() == null ? MediaType.MOVIE : suggestion.mediaType();
    if (type != MediaType.MOVIE && type != MediaType.SERIES && type != MediaType.ARTIST) {
      return Optional.empty();
    }
    String key =
        MatchKeys.of(
            type,
            ItemMetadata.titled(suggestion.title(), suggestion.year()),
            null,
            null,
            Numbering.NONE);
    return database.read(
        "find the library item of a suggestion",
        c ->
            Jdbc.queryOne(
                c,
                "SELECT id FROM media_items WHERE match_key = ? ORDER BY id",
                row -> row.getLong("id"),
                key));
  }
}
