package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in recommender: works offline and needs nothing configured. It ranks the library's
 * movies, series, albums and artists by the odds that each is the user's next choice ({@link
 * CandidateScorer}): how much they go for its kind of title, how popular it is in the library and
 * among the users who played what they liked ({@link CoPlays}), and above all how much its genres,
 * people and decade lift it in their {@link Taste}; it keeps the list varied ({@link Variety}) and
 * explains each choice from the real match ({@link Reasons}). A user with nothing to match gets the
 * library's most played titles, said to be so.
 *
 * <p>One instance serves one run on one thread: it holds the library's features, loaded once, and
 * work arrays it reuses from user to user.
 */
public final class BuiltInRecommender {
  public static final String NAME = "builtin";

  /** How many candidates are scored per place of a list, for variety to choose from. */
  static final int POOL_PER_PLACE = 8;

  /** How many liked titles make a user's taste about two-thirds (1 − 1/e) trustworthy. */
  static final double EVIDENCE_TITLES = 5;

  /** How far a taste known only from a profile or preferred genres is trusted. */
  static final double PROFILE_EVIDENCE = 0.5;

  /** How far a title chosen for its popularity alone suits the user. */
  static final double POPULAR_CONFIDENCE = 0.1;

  private final Database database;
  private final LibraryFeatures library;
  private final CandidateScorer scorer;
  private final Variety variety;
  private final Reasons reasons;

  BuiltInRecommender(Database database, LibraryFeatures library, RecommenderSettings settings) {
    this.database = database;
    this.library = library;
    this.scorer = new CandidateScorer(library);
    this.variety = new Variety(library, settings.maxGenreShare(), settings.maxPerArtist());
    this.reasons = new Reasons(library);
  }

  /** The user's list: at most {@code count} titles the filter allows, best first. */
  List<Suggestion> recommend(Taste taste, CandidateFilter filter, int count) {
    boolean popularOnly = taste.isEmpty();
    List<CandidateScorer.Scored> picked =
        popularOnly ? scorer.popular(filter, count) : ranked(taste, filter, count, new int[0]);
    Map<Long, Map<String, String>> externalIds = externalIds(picked);
    double evidence =
        taste.fromHistory ? 1 - Math.exp(-taste.liked.length / EVIDENCE_TITLES) : PROFILE_EVIDENCE;
    List<Suggestion> suggestions = new ArrayList<>();
    double best = picked.isEmpty() ? 0 : picked.get(0).score();
    for (CandidateScorer.Scored scored : picked) {
      int c = scored.candidate();
      long itemId = library.itemIds[c];
      Reasons.Explained why = popularOnly ? null : reasons.explain(c, taste, filter.preferred(c));
      boolean matched = why != null && why.matched();
      if (!matched) {
        why =
            new Reasons.Explained(
                List.of(), List.of(), List.of(), List.of(), reasons.popular(c), false);
      }
      double confidence =
          matched ? Math.min(1, scored.similarity()) * evidence : POPULAR_CONFIDENCE;
      suggestions.add(
          new Suggestion(
              itemId,
              library.types[c],
              library.titles[c],
              library.years[c] > 0 ? library.years[c] : null,
              Arrays.stream(library.genres[c]).mapToObj(library.genreNames::name).toList(),
              why.similarItems(),
              why.actors(),
              why.directors(),
              why.genres(),
              why.reasoning(),
              NAME,
              null,
              "library",
              externalIds.getOrDefault(itemId, Map.of()),
              // Relative to the user's best: 1 for the first, the odds against it for the rest.
              Math.exp(scored.score() - best),
              confidence,
              true));
    }
    return suggestions;
  }

  /**
   * The user's list as ranked and varied, without reasons, for a user with a taste to match; the
   * {@code heldOut} candidates' popularity without the user's own play (a taste read without it).
   */
  List<CandidateScorer.Scored> ranked(
      Taste taste, CandidateFilter filter, int count, int[] heldOut) {
    return variety.pick(scorer.best(taste, filter, count * POOL_PER_PLACE, heldOut), taste, count);
  }

  private Map<Long, Map<String, String>> externalIds(List<CandidateScorer.Scored> picked) {
    if (picked.isEmpty()) {
      return Map.of();
    }
    Object[] ids = picked.stream().map(s -> library.itemIds[s.candidate()]).toArray();
    record ExternalId(long itemId, String provider, String value) {}
    List<ExternalId> rows =
        database.read(
            "read the external ids of recommended items",
            c ->
                Jdbc.query(
                    c,
                    "SELECT item_id, provider, external_id FROM item_external_ids"
                        + " WHERE item_id IN ("
                        + String.join(", ", Collections.nCopies(ids.length, "?"))
                        + ")",
                    row ->
                        new ExternalId(
                            row.getLong("item_id"),
                            row.getString("provider"),
                            row.getString("external_id")),
                    ids));
    Map<Long, Map<String, String>> byItem = new HashMap<>();
    for (ExternalId id : rows) {
      byItem.computeIfAbsent(id.itemId(), item -> new HashMap<>()).put(id.provider(), id.value());
    }
    return byItem;
  }
}
