package io.suasor.media.recommend;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Recommender;
import io.suasor.media.model.User;
import io.suasor.media.recommend.ai.AiSuggestionSource;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.Json;
import io.suasor.media.store.RecommenderKeys;
import io.suasor.media.testing.AiProviderStandIn;
import io.suasor.media.testing.RecordingTracker;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user who chose an AI recommender, through the recommendation service: the OpenAI-compatible
 * stand-in ({@link AiProviderStandIn}, a WireMock server answering in the chat completions API's
 * documented shapes; no real model runs here) is asked with the user's sealed key, its titles are
 * matched to library items where the library has them, and a malformed reply falls back to the
 * built-in recommender, counted, with the key in no message.
 */
abstract class AiRecommendationContract extends RecommendationContract {
  private static final HttpSettings QUICK =
      HttpSettings.defaults()
          .withReadTimeout(Duration.ofSeconds(5))
          .withBackoff(Duration.ofMillis(20), Duration.ofMillis(50));

  @Test
  void anAiChoiceIsMatchedToTheLibraryAndAsksWithTheUsersKey() {
    try (AiProviderStandIn openAi = AiProviderStandIn.openAi()) {
      User bo = choosing(openAi);
      openAi.reply(
          """
          {"recommendations": [
            {"title": "Slither", "year": 2006, "mediaType": "movie", "genres": ["Horror"],
             "score": 0.9, "reasoning": "Nathan Fillion again", "similarTitles": ["Serenity"],
             "matchedPeople": ["Nathan Fillion"]},
            {"title": "Dollhouse", "year": 2009, "mediaType": "series", "genres": ["Drama"],
             "score": 0.7, "reasoning": "More Joss Whedon", "similarTitles": [],
             "matchedPeople": ["Joss Whedon"]}
          ]}
          """);
      RecordingTracker tracker = RecordingTracker.watching();

      RecommendationReport report = service(source()).recommendFor(bo.id(), 11, tracker);

      assertThat(report.fallbacks()).isZero();
      List<Recommendation> mine = active(bo);
      assertThat(mine).extracting(Recommendation::title).containsExactly("Slither", "Dollhouse");
      assertThat(mine).allMatch(r -> r.recommendedBy().equals("openai"));
      assertThat(mine.get(0).mediaItemId()).isEqualTo(slither);
      assertThat(mine.get(0).inLibrary()).isTrue();
      assertThat(mine.get(0).reasoning()).contains("Nathan Fillion again", "Serenity");
      assertThat(mine.get(1).inLibrary()).isFalse();
      assertThat(mine.get(1).mediaItemId()).isNull();
      openAi
          .wireMock()
          .verify(
              postRequestedFor(urlPathMatching(".*/chat/completions"))
                  .withHeader("Authorization", equalTo("Bearer " + AiProviderStandIn.KEY)));
      assertThat(Json.write(mine)).doesNotContain(AiProviderStandIn.KEY);
    }
  }

  @Test
  void aMalformedReplyFallsBackToTheBuiltInRecommenderAndSaysWhy() {
    try (AiProviderStandIn openAi = AiProviderStandIn.openAi()) {
      User bo = choosing(openAi);
      openAi.reply("Here are some films you might like: Slither, Dollhouse.");
      RecordingTracker tracker = RecordingTracker.watching();

      RecommendationReport report = service(source()).recommendFor(bo.id(), 12, tracker);

      assertThat(report.fallbacks()).isEqualTo(1);
      assertThat(tracker.stat("fallbacksMalformed")).isEqualTo(1);
      assertThat(active(bo)).isNotEmpty().allMatch(r -> r.recommendedBy().equals("builtin"));
      assertThat(report.notes()).singleElement().asString().contains("openai failed (malformed)");
      assertThat(String.join(" ", report.notes())).doesNotContain(AiProviderStandIn.KEY);
    }
  }

  private AiSuggestionSource source() {
    return new AiSuggestionSource(
        fixture.database, new RecommenderKeys(fixture.database, fixture.box), QUICK);
  }

  /** A user who likes what ana likes and chose the stand-in as their recommender, with its key. */
  private User choosing(AiProviderStandIn provider) {
    User bo = user("bo");
    likesWhatAnaLikes(bo);
    JobPreferences defaults = JobPreferences.defaults(bo.id(), fixture.clock.instant());
    users.savePreferences(
        new JobPreferences(
            bo.id(),
            ZoneId.of("UTC"),
            true,
            true,
            Recommender.OPENAI,
            provider.baseUrl(),
            "test-model",
            defaults.maxRecommendations(),
            true,
            defaults.maxNotificationsPerDay(),
            List.of(),
            null,
            List.of(),
            List.of(),
            fixture.clock.instant()));
    new RecommenderKeys(fixture.database, fixture.box).set(bo.id(), AiProviderStandIn.KEY);
    return bo;
  }
}
