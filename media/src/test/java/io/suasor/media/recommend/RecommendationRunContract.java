package io.suasor.media.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.WorkCancelledException;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Recommender;
import io.suasor.media.model.User;
import io.suasor.media.testing.RecordingTracker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Runs of the recommendation service: idempotence, cancellation, fallbacks, cold starts. */
abstract class RecommendationRunContract extends RecommendationContract {
  @Test
  void aSecondRunTheSameDayReplacesTheDaysSetInsteadOfAddingCopies() {
    runAll();
    List<Recommendation> first = active(ana);
    Recommendation viewed = first.get(1);
    assertThat(recommendations.markViewed(viewed.id(), ana.id(), true)).isTrue();
    long rows = recommendations.count();

    fixture.clock.advance(Duration.ofHours(2));
    RecommendationReport again = runAll();

    List<Recommendation> second = active(ana);
    assertThat(recommendations.count()).isEqualTo(rows);
    assertThat(again.recommendationsMade()).isEqualTo(first.size());
    assertThat(second).extracting(Recommendation::id).containsExactlyElementsOf(ids(first));
    assertThat(second)
        .filteredOn(r -> r.id() == viewed.id())
        .singleElement()
        .satisfies(r -> assertThat(r.isViewed()).isTrue());

    // The next day the set is remade; titles still recommended keep their row, none is doubled.
    fixture.clock.advance(Duration.ofDays(1));
    recommendations.dismiss(second.get(0).id(), ana.id());
    runAll();
    List<Recommendation> third = active(ana);
    assertThat(itemIds(third)).doesNotHaveDuplicates().doesNotContain(second.get(0).mediaItemId());
    assertThat(recommendations.byUser(ana.id(), false, fixture.clock.instant(), 500))
        .filteredOn(r -> r.mediaItemId().equals(second.get(0).mediaItemId()))
        .singleElement()
        .satisfies(r -> assertThat(r.dismissed()).isTrue());
  }

  @Test
  void theDayIsTheUsersOwn() {
    User bo = user("bo");
    likesWhatAnaLikes(bo);
    prefer(ana, p -> p.zone("Pacific/Auckland"));
    // 10:00 UTC on 1 March is 23:00 in Auckland; 12:30 UTC is already 2 March there.
    runAll();
    int firstSet = active(ana).size();
    prefer(ana, p -> p.zone("Pacific/Auckland").max(3));
    prefer(bo, p -> p.max(3));
    fixture.clock.advance(Duration.ofMinutes(150));

    runAll();

    // Bo's day is the same: the titles that left the set are gone. Ana's day is another: kept.
    assertThat(active(ana)).hasSize(3);
    assertThat(active(bo)).hasSize(3);
    assertThat(all(bo)).hasSize(3);
    assertThat(all(ana)).hasSize(firstSet);
  }

  @Test
  void aRunCancelledBetweenUsersLeavesEachUsersSetWhole() {
    List<User> all = List.of(ana, user("bo"), user("cy"), user("dee"));
    for (User user : all.subList(1, 4)) {
      likesWhatAnaLikes(user);
    }
    runAll();
    Map<Long, List<Long>> before =
        Map.of(all.get(2).id(), ids(active(all.get(2))), all.get(3).id(), ids(active(all.get(3))));
    fixture.clock.advance(Duration.ofDays(1));
    recommendations.dismiss(active(ana).get(0).id(), ana.id());
    recommendations.dismiss(active(all.get(2)).get(0).id(), all.get(2).id());

    RecordingTracker tracker = RecordingTracker.cancellingAfter(2);
    assertThatThrownBy(() -> service().recommendAll(8, tracker))
        .isInstanceOf(WorkCancelledException.class);

    assertThat(tracker.processed()).isEqualTo(2);
    assertThat(tracker.total()).isEqualTo(4);
    assertThat(tracker.stat("usersRecommended")).isEqualTo(2);
    assertThat(active(ana)).isNotEmpty().allMatch(r -> r.jobRunId() == 8);
    assertThat(active(all.get(1))).isNotEmpty().allMatch(r -> r.jobRunId() == 8);
    // Cy's set lost the title she dismissed and was not remade; Dee's is as it was.
    List<Long> cyBefore = before.get(all.get(2).id());
    assertThat(ids(active(all.get(2))))
        .containsExactlyElementsOf(cyBefore.subList(1, cyBefore.size()));
    assertThat(ids(active(all.get(3)))).containsExactlyElementsOf(before.get(all.get(3).id()));
  }

  @Test
  void aRunForOneUserDoesOnlyThatUser() {
    User bo = user("bo");
    likesWhatAnaLikes(bo);

    RecommendationReport report = service().recommendFor(bo.id(), 9, RecordingTracker.watching());

    assertThat(report.users()).isEqualTo(1);
    assertThat(active(bo)).isNotEmpty();
    assertThat(active(ana)).isEmpty();
  }

  @Test
  void withoutHistoryTheProfileOrElseTheLibrarysFavouritesAreRecommended() {
    User cy = user("cy");
    profile(
        cy,
        """
        {"genres": [{"name": "jazz", "share": 0.8, "hours": 8}],
         "people": [{"name": "Nina Simone", "role": "artist", "share": 0.5, "hours": 5}],
         "decades": [], "mediaTypes": [{"type": "track", "share": 1.0, "hours": 10}]}
        """);
    User dee = user("dee");
    User eve = user("eve");
    profile(eve, "not json at all");

    RecommendationReport report = runAll();

    assertThat(active(cy)).isNotEmpty();
    List<Long> nina = new java.util.ArrayList<>(ninaAlbums);
    nina.add(ninaSimone);
    assertThat(active(cy).get(0).mediaItemId()).isIn(nina);
    assertThat(active(cy).get(0).reasoning()).startsWith("Matches your taste: jazz");
    // Dee has nothing: the titles most played in the library, said to be so.
    assertThat(active(dee)).isNotEmpty();
    assertThat(active(dee).get(0).reasoning()).startsWith("Popular in your library: played by 1");
    assertThat(active(dee).get(0).confidence()).isEqualTo(BuiltInRecommender.POPULAR_CONFIDENCE);
    assertThat(itemIds(active(eve))).isEqualTo(itemIds(active(dee)));
    assertThat(report.usersRecommended()).isEqualTo(4);
  }

  @Test
  void anotherRecommenderServesWhoChoseItAndTheBuiltInOneStandsInWhenItFails() {
    User bo = user("bo");
    User cy = user("cy");
    User dee = user("dee");
    for (User user : List.of(bo, cy, dee)) {
      likesWhatAnaLikes(user);
      prefer(user, p -> p.recommender(Recommender.OPENAI));
    }
    AtomicReference<SuggestionRequest> asked = new AtomicReference<>();
    SuggestionSource ai =
        request -> {
          if (request.userId() == bo.id()) {
            asked.set(request);
            return Optional.of(
                List.of(
                    suggestion(serenity, "Serenity"),
                    suggestion(heat, "Heat"),
                    suggestion(null, "Moon")));
          }
          if (request.userId() == cy.id()) {
            throw new SuggestionSourceException("timeout", "no answer within 30 s");
          }
          return Optional.empty();
        };
    RecordingTracker tracker = RecordingTracker.watching();

    RecommendationReport report = service(ai).recommendAll(10, tracker);

    assertThat(active(bo)).extracting(Recommendation::title).containsExactly("Heat", "Moon");
    assertThat(active(bo)).allMatch(r -> r.recommendedBy().equals("openai"));
    assertThat(asked.get().excludedItemIds()).contains(serenity, firefly);
    assertThat(asked.get().excludedTitles()).contains("Serenity", "Firefly");
    assertThat(asked.get().builtIn().get(0).title()).isEqualTo("Lightyear Drift");
    assertThat(asked.get().taste().genres())
        .extracting(TasteSummary.Weighted::name)
        .contains(SF, "Jazz");
    assertThat(asked.get().taste().liked())
        .extracting(TasteSummary.LikedTitle::title)
        .contains("Firefly", "Pastel Blues");
    assertThat(active(cy)).isNotEmpty().allMatch(r -> r.recommendedBy().equals("builtin"));
    assertThat(active(dee)).isNotEmpty().allMatch(r -> r.recommendedBy().equals("builtin"));
    assertThat(report.fallbacks()).isEqualTo(1);
    assertThat(tracker.stat("recommenderFallbacks")).isEqualTo(1);
    assertThat(tracker.stat("fallbacksTimeout")).isEqualTo(1);
    assertThat(report.notes())
        .containsExactly(
            "user cy: openai failed (timeout): no answer within 30 s;"
                + " the built-in recommender stood in");
  }

  private Suggestion suggestion(Long item, String title) {
    return new Suggestion(
        item,
        MediaType.MOVIE,
        title,
        null,
        List.of("Drama"),
        List.of(),
        List.of(),
        List.of(),
        List.of("Drama"),
        "an AI thought so",
        "openai",
        "test-model",
        item == null ? "openai" : "library",
        Map.of(),
        0.9,
        0.8,
        item != null);
  }

  private List<Recommendation> all(User user) {
    return recommendations.byUser(user.id(), false, fixture.clock.instant(), 500);
  }

  private static List<Long> ids(List<Recommendation> list) {
    return list.stream().map(Recommendation::id).toList();
  }
}
