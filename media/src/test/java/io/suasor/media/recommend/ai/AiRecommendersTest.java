package io.suasor.media.recommend.ai;

import static io.suasor.media.recommend.ai.AiTesting.FAST;
import static io.suasor.media.recommend.ai.AiTesting.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.media.model.Recommender;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening a recommender from a user's preferences, and the prompt it sends. */
class AiRecommendersTest {
  @Test
  void theBuiltInRecommenderIsNoAiRecommender() {
    assertThatThrownBy(() -> AiRecommenders.open(Recommender.BUILTIN, null, "m", null, FAST))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aModelMustBeChosen() {
    assertThatThrownBy(() -> AiRecommenders.open(Recommender.OPENAI, null, " ", "k", FAST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choose the AI recommender's model");
  }

  @Test
  void aUrlMustBeAnHttpAddress() {
    for (String url : List.of("localhost:11434/v1", "ftp://host/v1", "http://", "not a url")) {
      assertThatThrownBy(() -> AiRecommenders.open(Recommender.OPENAI, url, "m", null, FAST))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("write it as e.g. http://localhost:11434/v1");
    }
  }

  @Test
  void aKeyThatCannotTravelInAHeaderIsRefusedWithoutBeingShown() {
    String key = "sk-abc\ndef-9Kq";

    assertThatThrownBy(() -> AiRecommenders.open(Recommender.ANTHROPIC, null, "m", key, FAST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("paste it again")
        .hasMessageNotContaining("9Kq");
  }

  @Test
  void theSystemMessageSaysWhatToReturnAndTheUserMessageCarriesTheTaste() {
    String system = PromptText.system(PROMPT);
    String user = PromptText.user(PROMPT);

    assertThat(system)
        .contains(
            "Answer with one JSON object and nothing else",
            "\"similarTitles\"",
            "mediaType: one of movie, series.",
            "Suggest at most 5 titles.",
            "Do not suggest these titles: Serenity.",
            "If nothing fits, answer {\"recommendations\":[]}.");
    assertThat(user)
        .startsWith("Their taste:\n" + PROMPT.profileSummary())
        .contains(
            "- Firefly (2002), series; Science Fiction, Western; Nathan Fillion, Joss Whedon",
            "- Arrival (2016), movie; Science Fiction; -");
  }

  @Test
  void noMediaTypesMeansWholeTitlesOfEveryKindAndNoExclusionsSaysNone() {
    TastePrompt any = new TastePrompt("", List.of(), 3, List.of(), List.of());

    assertThat(PromptText.system(any))
        .contains("mediaType: one of movie, series, artist, album.")
        .doesNotContain("Do not suggest");
    assertThat(PromptText.user(any))
        .isEqualTo("Their taste:\n(no history yet)\n\nThe library sample is empty.");
  }

  @Test
  void theTokenLimitGrowsWithTheCountWithinBounds() {
    assertThat(AnthropicRecommender.maxTokens(1)).isEqualTo(1024);
    assertThat(AnthropicRecommender.maxTokens(20)).isEqualTo(5512);
    assertThat(AnthropicRecommender.maxTokens(100)).isEqualTo(8192);
  }
}
