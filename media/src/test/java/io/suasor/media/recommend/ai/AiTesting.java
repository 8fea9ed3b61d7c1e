package io.suasor.media.recommend.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommender;
import io.suasor.media.recommend.ai.AiRecommenderException.Reason;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.testing.AiProviderStandIn;
import java.time.Duration;
import java.util.List;

/** What the AI recommender tests share: a prompt, quick settings, and checks of failures. */
final class AiTesting {
  /** Two tries, short waits between them, an answer within two seconds. */
  static final HttpSettings FAST =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(50),
          Duration.ofSeconds(5),
          2);

  static final TastePrompt PROMPT =
      new TastePrompt(
          "Watches mostly science fiction (41%) and drama (22%), evenings; likes Nathan Fillion.",
          List.of(
              new LibrarySample(
                  "Firefly",
                  2002,
                  MediaType.SERIES,
                  List.of("Science Fiction", "Western"),
                  List.of("Nathan Fillion", "Joss Whedon")),
              new LibrarySample(
                  "Arrival", 2016, MediaType.MOVIE, List.of("Science Fiction"), List.of())),
          5,
          List.of(MediaType.MOVIE, MediaType.SERIES),
          List.of("Serenity"));

  static final String GOOD_REPLY =
      """
      {"recommendations":[
        {"title":"The Expanse","year":2015,"mediaType":"series",
         "genres":["Science Fiction","Drama"],"score":0.92,
         "reasoning":"Crewed-ship science fiction like Firefly.",
         "similarTitles":["Firefly"],"matchedPeople":[]},
        {"title":"Contact","year":1997,"mediaType":"movie","genres":["Science Fiction"],
         "score":0.7,"reasoning":"First contact told quietly, as in Arrival.",
         "similarTitles":["Arrival"],"matchedPeople":["Jodie Foster"]}]}
      """;

  private AiTesting() {}

  static AiRecommender openAi(AiProviderStandIn server, String key) {
    return AiRecommenders.open(Recommender.OPENAI, server.baseUrl(), "gpt-4o-mini", key, FAST);
  }

  static AiRecommender anthropic(AiProviderStandIn server, String key) {
    return AiRecommenders.open(
        Recommender.ANTHROPIC, server.baseUrl(), "claude-sonnet-4-5", key, FAST);
  }

  /** Every message in the chain, causes included. */
  static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /** The failure is an AI recommender's of this reason, and no message in it holds the key. */
  static void assertReason(Throwable e, Reason reason) {
    assertThat(e).isInstanceOf(AiRecommenderException.class);
    assertThat(((AiRecommenderException) e).reason()).isEqualTo(reason);
    assertThat(messages(e)).doesNotContain(AiProviderStandIn.KEY);
  }
}
