package io.suasor.media.recommend.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.suasor.media.recommend.ai.AiTesting.GOOD_REPLY;
import static io.suasor.media.recommend.ai.AiTesting.PROMPT;
import static io.suasor.media.recommend.ai.AiTesting.anthropic;
import static io.suasor.media.recommend.ai.AiTesting.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommender;
import io.suasor.media.recommend.ai.AiRecommenderException.Reason;
import io.suasor.media.store.Json;
import io.suasor.media.testing.AiProviderStandIn;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic recommender against {@link AiProviderStandIn}: a WireMock server standing in for
 * Anthropic's Messages API, answering in its documented shapes (the message, error and stop-reason
 * types of Anthropic's Python SDK, version 2023-06-01). What that leaves untested: real models'
 * replies, the 529 "overloaded" answer's retries beyond those of any 5xx, and TLS.
 */
class AnthropicRecommenderTest {
  private AiProviderStandIn server;

  @BeforeEach
  void start() {
    server = AiProviderStandIn.anthropic();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aGoodReplyBecomesSuggestions() {
    server.reply(GOOD_REPLY);

    List<AiSuggestion> suggestions = anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT);

    assertThat(suggestions)
        .extracting(AiSuggestion::title)
        .containsExactly("The Expanse", "Contact");
    assertThat(suggestions.get(1).mediaType()).isEqualTo(MediaType.MOVIE);
    assertThat(suggestions.get(1).matchedPeople()).containsExactly("Jodie Foster");
    assertThat(suggestions.get(0).score()).isEqualTo(0.92);
  }

  @Test
  void theRequestCarriesTheModelTheSystemPromptTheTokenLimitAndTheKey() throws IOException {
    anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT);

    server
        .wireMock()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(AiProviderStandIn.KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withoutHeader("Authorization"));
    LoggedRequest request =
        server.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/messages"))).get(0);
    JsonNode body = Json.mapper().readTree(request.getBodyAsString());
    assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicRecommender.maxTokens(5));
    assertThat(body.path("system").asText()).contains("\"recommendations\"", "at most 5 titles");
    assertThat(body.path("messages")).hasSize(1);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(0).path("content").asText())
        .contains("Firefly (2002), series; Science Fiction, Western; Nathan Fillion, Joss Whedon");
  }

  @Test
  void aBaseUrlWrittenWithItsVersionIsNotDoubled() {
    server.reply(GOOD_REPLY);
    AiRecommender recommender =
        AiRecommenders.open(
            Recommender.ANTHROPIC,
            server.baseUrl() + "/v1/",
            "claude-sonnet-4-5",
            AiProviderStandIn.KEY,
            AiTesting.FAST);

    assertThat(recommender.suggest(PROMPT)).hasSize(2);
  }

  @Test
  void aFencedReplyIsReadAndBlocksOtherThanTextAreSkipped() {
    ObjectNode message = Json.mapper().createObjectNode().put("type", "message");
    message.put("id", "msg_01").put("role", "assistant").put("model", "claude-sonnet-4-5");
    message
        .putArray("content")
        .add(
            Json.mapper()
                .createObjectNode()
                .put("type", "thinking")
                .put("thinking", "They like crews.")
                .put("signature", "sig"))
        .add(
            Json.mapper()
                .createObjectNode()
                .put("type", "text")
                .put("text", "```json\n" + GOOD_REPLY + "```"));
    message.put("stop_reason", "end_turn").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", 10).put("output_tokens", 20);
    server
        .wireMock()
        .stubFor(
            post(urlPathEqualTo("/v1/messages"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(message.toString())));

    assertThat(anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT)).hasSize(2);
  }

  @Test
  void anEmptyListIsNoSuggestionsNotAFailure() {
    server.reply("{\"recommendations\": []}");

    assertThat(anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT)).isEmpty();
  }

  @Test
  void aMissingTitleIsMalformed() {
    server.reply("{\"recommendations\":[{\"year\":1997,\"score\":0.5}]}");

    assertThatThrownBy(() -> anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.MALFORMED))
        .hasMessageContaining("Anthropic Messages API at " + server.baseUrl())
        .hasMessageContaining("recommendations[0] has no title")
        .hasMessageContaining("(reply: \"{\"recommendations\":[{\"year\":1997");
  }

  @Test
  void aReplyCutOffAtMaxTokensSaysSo() {
    server.reply("{\"recommendations\":[{\"title\":\"Cont", "max_tokens");

    assertThatThrownBy(() -> anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.MALFORMED))
        .hasMessageContaining("cut off");
  }

  @Test
  void aRefusalIsRefusedWithItsExplanation() {
    server.refuse("The request was flagged by a safety classifier.");

    assertThatThrownBy(() -> anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.REFUSED))
        .hasMessageContaining("flagged by a safety classifier");
  }

  @Test
  void tooManyRequestsAfterTheRetriesIsRateLimited() {
    server.rateLimited(1);

    assertThatThrownBy(() -> anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.RATE_LIMITED));
    List<LoggedRequest> tries =
        server.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/messages")));
    assertThat(tries).hasSize(2);
    long waited = tries.get(1).getLoggedDate().getTime() - tries.get(0).getLoggedDate().getTime();
    assertThat(waited).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void anOverloadedApiAfterTheRetriesIsUnreachable() {
    server.fail(529, "overloaded_error", "Overloaded");

    assertThatThrownBy(() -> anthropic(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.UNREACHABLE))
        .hasMessageContaining("kept failing (HTTP 529)");
    server.wireMock().verify(2, postRequestedFor(urlPathEqualTo("/v1/messages")));
  }

  @Test
  void aModelSlowerThanTheReadTimeoutIsATimeout() {
    server.slow(Duration.ofMillis(1_500));
    AiRecommender recommender =
        AiRecommenders.open(
            Recommender.ANTHROPIC,
            server.baseUrl(),
            "claude-sonnet-4-5",
            AiProviderStandIn.KEY,
            AiTesting.FAST.withReadTimeout(Duration.ofMillis(300)));

    assertThatThrownBy(() -> recommender.suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.TIMEOUT));
  }

  @Test
  void aRefusedKeyIsUnauthorizedAndNeverShown() {
    String wrong = "sk-ant-wrong-Lm4Rt8";

    assertThatThrownBy(() -> anthropic(server, wrong).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.UNAUTHORIZED))
        .hasMessageContaining("Anthropic API key")
        .satisfies(e -> assertThat(AiTesting.messages(e)).doesNotContain(wrong));
  }

  @Test
  void theKeyIsInNoMessageEvenWhenTheServerEchoesIt() {
    String echo = "echo of " + AiProviderStandIn.KEY;
    AiRecommender recommender = anthropic(server, AiProviderStandIn.KEY);
    List<Runnable> failures =
        List.of(
            () -> server.reply(echo),
            () -> server.reply("{\"recommendations\":[{\"title\":\"" + echo + "\"}]}"),
            () -> server.refuse(echo),
            () -> server.fail(400, "invalid_request_error", echo),
            () -> server.fail(413, "request_too_large", echo),
            () -> server.fail(529, "overloaded_error", echo),
            () -> server.rateLimited(0));

    for (Runnable failure : failures) {
      failure.run();
      assertThatThrownBy(() -> recommender.suggest(PROMPT))
          .isInstanceOf(AiRecommenderException.class)
          .satisfies(e -> assertThat(AiTesting.messages(e)).doesNotContain(AiProviderStandIn.KEY));
    }
  }
}
