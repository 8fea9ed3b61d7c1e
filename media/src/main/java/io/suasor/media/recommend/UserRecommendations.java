package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.media.MediaException;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Recommender;
import io.suasor.media.model.User;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.RecommendationStore;
import io.suasor.media.store.UserStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One run's work for one user at a time: taste, exclusions, the list, and storing it. */
final class UserRecommendations {
  /**
   * What happened for one user.
   *
   * @param fallbackReason why their chosen recommender was not used, null when it was (or when it
   *     was the built-in one)
   */
  record Outcome(
      boolean skipped,
      int stored,
      int dismissed,
      int ignored,
      String fallbackReason,
      String fallbackNote) {
    static final Outcome SKIPPED = new Outcome(true, 0, 0, 0, null, null);
  }

  private final RecommenderSettings settings;
  private final SuggestionSource others;
  private final BuiltInRecommender builtIn;
  private final LibraryFeatures library;
  private final long runId;
  private final Instant now;
  private final UserStore users;
  private final RecommendationStore recommendations;
  private final ActivityProfileStore profiles;
  private final TasteReader tastes;

  UserRecommendations(
      Database database,
      RecommenderSettings settings,
      SuggestionSource others,
      BuiltInRecommender builtIn,
      LibraryFeatures library,
      long runId,
      Instant now) {
    this.settings = settings;
    this.others = others;
    this.builtIn = builtIn;
    this.library = library;
    this.runId = runId;
    this.now = now;
    this.users = new UserStore(database);
    this.recommendations = new RecommendationStore(database);
    this.profiles = new ActivityProfileStore(database);
    this.tastes = new TasteReader(database, settings.tasteHalfLife());
  }

  Outcome recommend(User user) {
    JobPreferences preferences = users.preferences(user.id(), now);
    if (!preferences.recommendationsEnabled()) {
      return Outcome.SKIPPED;
    }
    Taste taste = tastes.read(library, user.id(), preferences, profile(user.id()), now);
    Exclusions exclusions =
        Exclusions.of(
            library,
            taste,
            recommendations.shownSince(
                user.id(), now.minus(settings.ignoredAfter()).minus(settings.ignoredFor())),
            now,
            settings);
    CandidateFilter filter = new CandidateFilter(library, preferences, exclusions.candidates);
    int count = preferences.maxRecommendations();
    List<Suggestion> chosen = builtIn.recommend(taste, filter, count);
    String fallbackReason = null;
    String fallbackNote = null;
    if (preferences.recommender() != Recommender.BUILTIN) {
      SuggestionRequest request =
          new SuggestionRequest(
              user.id(),
              preferences,
              TasteSummaries.of(library, taste),
              chosen,
              exclusions.itemIds,
              TasteSummaries.excludedTitles(
                  library, taste, exclusions, SuggestionRequest.EXCLUDED_TITLES_MAX),
              now);
      String chosenName = preferences.recommender().value();
      try {
        Optional<List<Suggestion>> answered = others.suggest(request);
        if (answered.isPresent()) {
          List<Suggestion> usable = usable(answered.get(), filter, exclusions, count);
          if (usable.isEmpty()) {
            fallbackReason = "empty";
            fallbackNote = chosenName + " suggested nothing that could be recommended";
          } else {
            chosen = usable;
          }
        }
      } catch (SuggestionSourceException e) {
        fallbackReason = e.reason();
        fallbackNote = chosenName + " failed (" + e.reason() + "): " + e.getMessage();
      } catch (RuntimeException e) {
        fallbackReason = "error";
        fallbackNote = chosenName + " failed: " + e.getMessage();
      }
    }
    List<Recommendation> fresh = new ArrayList<>();
    for (Suggestion suggestion : chosen) {
      fresh.add(recommendation(user.id(), suggestion));
    }
    ZoneId zone = preferences.timeZone();
    Instant dayStart = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    int stored = recommendations.replaceActive(user.id(), dayStart, fresh).size();
    return new Outcome(
        false, stored, exclusions.dismissed, exclusions.ignored, fallbackReason, fallbackNote);
  }

  /**
   * What another recommender suggested that may be recommended: titles the recommender suggests
   * (movies, series, albums, artists) of the kinds the user wants, none of the user's excluded
   * items, library items only as the user's filter allows, no title twice.
   */
  private List<Suggestion> usable(
      List<Suggestion> suggested, CandidateFilter filter, Exclusions exclusions, int count) {
    List<Suggestion> usable = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Suggestion suggestion : suggested) {
      if (usable.size() == count) {
        break;
      }
      if (!RecommendedKinds.isCandidate(suggestion.mediaType())) {
        continue;
      }
      String key =
          suggestion.mediaItemId() != null
              ? "item:" + suggestion.mediaItemId()
              : suggestion.mediaType() + ":" + suggestion.title().toLowerCase(Locale.ROOT).strip();
      if (!seen.add(key)) {
        continue;
      }
      if (suggestion.mediaItemId() != null) {
        if (exclusions.itemIds.contains(suggestion.mediaItemId())) {
          continue;
        }
        int candidate = library.candidateOf(suggestion.mediaItemId());
        if (candidate < 0
            || library.itemIds[candidate] != suggestion.mediaItemId()
            || !filter.allows(candidate)) {
          continue;
        }
      } else if (!filter.allowsOutside(suggestion.mediaType(), suggestion.genres())) {
        continue;
      }
      usable.add(suggestion);
    }
    return usable;
  }

  private ProfileShares profile(long userId) {
    return profile(profiles, userId);
  }

  /** The user's stored activity profile's shares, none when they have none or it is unreadable. */
  static ProfileShares profile(ActivityProfileStore profiles, long userId) {
    return profiles
        .get(userId)
        .map(
            stored -> {
              try {
                return ProfileShares.parse(stored.profile());
              } catch (MediaException e) {
                // The profile only refines a taste the history already gives; a bad one is left
                // out.
                return ProfileShares.NONE;
              }
            })
        .orElse(ProfileShares.NONE);
  }

  private Recommendation recommendation(long userId, Suggestion s) {
    return new Recommendation(
        0,
        userId,
        s.mediaItemId(),
        s.mediaType(),
        s.title(),
        s.year(),
        s.genres(),
        s.similarItems(),
        s.matchesActors(),
        s.matchesDirectors(),
        s.matchesGenres(),
        s.reasoning(),
        s.recommendedBy(),
        s.aiModel(),
        runId,
        s.source(),
        s.externalIds(),
        s.score(),
        s.confidence(),
        now.plus(settings.timeToLive()),
        false,
        null,
        s.inLibrary(),
        false,
        true,
        now);
  }
}
