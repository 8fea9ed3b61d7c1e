package io.suasor.media.recommend.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.suasor.media.recommend.ai.AiTesting.GOOD_REPLY;
import static io.suasor.media.recommend.ai.AiTesting.PROMPT;
import static io.suasor.media.recommend.ai.AiTesting.assertReason;
import static io.suasor.media.recommend.ai.AiTesting.openAi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommender;
import io.suasor.media.recommend.ai.AiRecommenderException.Reason;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.Json;
import io.suasor.media.testing.AiProviderStandIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible recommender against {@link AiProviderStandIn}: WireMock servers standing in
 * for OpenAI's chat completions API and Ollama's OpenAI-compatible endpoint, answering in their
 * documented shapes (OpenAI's OpenAPI description 2.3.0, Ollama's compatibility notes). What that
 * leaves untested: real models' replies, LM Studio's own error text for {@code response_format},
 * TLS, and streaming (never asked for).
 */
class OpenAiCompatibleRecommenderTest {
  private AiProviderStandIn server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aGoodReplyBecomesSuggestions() {
    server = AiProviderStandIn.openAi();
    server.reply(GOOD_REPLY);

    List<AiSuggestion> suggestions = openAi(server, AiProviderStandIn.KEY).suggest(PROMPT);

    assertThat(suggestions)
        .containsExactly(
            new AiSuggestion(
                "The Expanse",
                2015,
                MediaType.SERIES,
                List.of("Science Fiction", "Drama"),
                0.92,
                "Crewed-ship science fiction like Firefly.",
                List.of("Firefly"),
                List.of()),
            new AiSuggestion(
                "Contact",
                1997,
                MediaType.MOVIE,
                List.of("Science Fiction"),
                0.7,
                "First contact told quietly, as in Arrival.",
                List.of("Arrival"),
                List.of("Jodie Foster")));
  }

  @Test
  void theRequestCarriesTheModelTheMessagesJsonModeAndTheKey() throws IOException {
    server = AiProviderStandIn.openAi();

    openAi(server, AiProviderStandIn.KEY).suggest(PROMPT);

    server
        .wireMock()
        .verify(
            1,
            postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + AiProviderStandIn.KEY))
                .withHeader("Content-Type", equalTo("application/json")));
    JsonNode body = onlyRequestBody();
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
    JsonNode messages = body.path("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
    assertThat(messages.get(0).path("content").asText())
        .contains("\"recommendations\"", "at most 5 titles", "movie, series", "Serenity");
    assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
    assertThat(messages.get(1).path("content").asText())
        .contains("Nathan Fillion", "Firefly (2002), series");
  }

  @Test
  void withoutAKeyNoAuthorizationIsSentAsOllamaWantsNone() {
    server = AiProviderStandIn.ollama();
    server.reply(GOOD_REPLY);

    assertThat(openAi(server, "  ").suggest(PROMPT)).hasSize(2);

    server
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withoutHeader("Authorization"));
  }

  @Test
  void aReplyInACodeFenceIsRead() {
    server = AiProviderStandIn.ollama();
    server.reply("```json\n" + GOOD_REPLY + "```\n");

    assertThat(openAi(server, null).suggest(PROMPT))
        .extracting(AiSuggestion::title)
        .containsExactly("The Expanse", "Contact");
  }

  @Test
  void aServerThatRejectsJsonModeIsAskedAgainWithoutIt() throws IOException {
    server = AiProviderStandIn.ollama();
    server.reply(GOOD_REPLY);
    server
        .wireMock()
        .stubFor(
            post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.response_format"))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withBody(
                            "{\"error\":\"'response_format.type' must be 'json_schema' or"
                                + " 'text'\"}")));
    AiRecommender recommender = openAi(server, null);

    assertThat(recommender.suggest(PROMPT)).hasSize(2);
    assertThat(recommender.suggest(PROMPT)).hasSize(2);

    List<LoggedRequest> requests =
        server.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    assertThat(requests).hasSize(3);
    assertThat(Json.mapper().readTree(requests.get(2).getBodyAsString()).has("response_format"))
        .isFalse();
  }

  @Test
  void proseInsteadOfJsonIsMalformedAndQuotesTheReply() {
    server = AiProviderStandIn.ollama();
    server.reply("Sure! You might enjoy The Expanse and Contact.");

    assertThatThrownBy(() -> openAi(server, null).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.MALFORMED))
        .hasMessageContaining("OpenAI-compatible API at " + server.baseUrl())
        .hasMessageContaining("model gpt-4o-mini")
        .hasMessageContaining("not JSON")
        .hasMessageContaining("\"Sure! You might enjoy The Expanse");
  }

  @Test
  void somethingElseAnsweringAtTheUrlIsMalformedAndSaysToCheckIt() {
    server = AiProviderStandIn.ollama();
    AiRecommender recommender = openAi(server, null);
    for (String[] answer :
        List.of(
            new String[] {"text/html", "<html><body>Welcome to nginx!</body></html>"},
            new String[] {"application/json", "{\"status\":\"ok\"}"})) {
      server
          .wireMock()
          .stubFor(
              post(urlPathEqualTo("/v1/chat/completions"))
                  .atPriority(1)
                  .willReturn(
                      aResponse()
                          .withStatus(200)
                          .withHeader("Content-Type", answer[0])
                          .withBody(answer[1])));

      assertThatThrownBy(() -> recommender.suggest(PROMPT))
          .satisfies(e -> assertReason(e, Reason.MALFORMED))
          .hasMessageContaining("check that the recommender URL is the API's base address");
    }
  }

  @Test
  void aScoreOutOfRangeIsMalformed() {
    server = AiProviderStandIn.openAi();
    server.reply("{\"recommendations\":[{\"title\":\"Contact\",\"score\":87}]}");

    assertThatThrownBy(() -> openAi(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.MALFORMED))
        .hasMessageContaining("recommendations[0].score 87 is not between 0 and 1");
  }

  @Test
  void aReplyCutOffAtTheTokenLimitSaysSo() {
    server = AiProviderStandIn.openAi();
    server.reply("{\"recommendations\":[{\"title\":\"The Exp", "length");

    assertThatThrownBy(() -> openAi(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.MALFORMED))
        .hasMessageContaining("cut off at the model's output limit");
  }

  @Test
  void aRefusalIsRefusedInTheModelsWords() {
    server = AiProviderStandIn.openAi();
    server.refuse("I can't help with that request.");

    assertThatThrownBy(() -> openAi(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.REFUSED))
        .hasMessageContaining("I can't help with that request.");
  }

  @Test
  void aReplyWithheldByTheContentFilterIsRefused() {
    server = AiProviderStandIn.ollama();
    server.refuse("");

    assertThatThrownBy(() -> openAi(server, null).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.REFUSED))
        .hasMessageContaining("content filter");
  }

  @Test
  void tooManyRequestsAfterTheRetriesIsRateLimitedHavingWaitedAsAsked() {
    server = AiProviderStandIn.openAi();
    server.rateLimited(1);

    assertThatThrownBy(() -> openAi(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.RATE_LIMITED))
        .hasMessageContaining("HTTP 429");

    List<LoggedRequest> tries =
        server.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    assertThat(tries).hasSize(2);
    long waited = tries.get(1).getLoggedDate().getTime() - tries.get(0).getLoggedDate().getTime();
    assertThat(waited).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void aRetryAfterLongerThanSuasorWaitsIsRateLimitedAtOnce() {
    server = AiProviderStandIn.openAi();
    server.rateLimited(3600);

    assertThatThrownBy(() -> openAi(server, AiProviderStandIn.KEY).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.RATE_LIMITED));

    server.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
  }

  @Test
  void oneTooManyRequestsIsRetriedUntilTheModelAnswers() {
    server = AiProviderStandIn.openAi();
    server.reply(GOOD_REPLY);
    server
        .wireMock()
        .stubFor(
            post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
                .willSetStateTo("free"));

    assertThat(openAi(server, AiProviderStandIn.KEY).suggest(PROMPT)).hasSize(2);
    server.wireMock().verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
  }

  @Test
  void aModelSlowerThanTheReadTimeoutIsATimeout() {
    server = AiProviderStandIn.ollama();
    server.slow(Duration.ofMillis(1_500));
    HttpSettings impatient = AiTesting.FAST.withReadTimeout(Duration.ofMillis(300));
    AiRecommender recommender =
        AiRecommenders.open(Recommender.OPENAI, server.baseUrl(), "qwen3:8b", null, impatient);

    assertThatThrownBy(() -> recommender.suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.TIMEOUT))
        .hasMessageContaining("did not answer within 300 ms (2 tries)");
  }

  @Test
  void aRefusedKeyIsUnauthorizedAndSaysWhereToSetIt() {
    server = AiProviderStandIn.openAi();

    assertThatThrownBy(() -> openAi(server, "sk-wrong-8hT2nQ").suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.UNAUTHORIZED))
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("recommender key in your job preferences")
        .satisfies(e -> assertThat(AiTesting.messages(e)).doesNotContain("sk-wrong-8hT2nQ"));
  }

  @Test
  void anUnknownModelIsUnreachableInOllamasWords() {
    server = AiProviderStandIn.ollama();
    server.fail(404, "not_found_error", "model \"gpt-4o-mini\" not found, try pulling it first");

    assertThatThrownBy(() -> openAi(server, null).suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.UNREACHABLE))
        .hasMessageContaining("HTTP 404 (model \"gpt-4o-mini\" not found, try pulling it first)")
        .hasMessageContaining("named as the service knows it");
  }

  @Test
  void aPortNobodyListensOnIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AiRecommender recommender =
        AiRecommenders.open(
            Recommender.OPENAI, "http://127.0.0.1:" + port + "/v1", "m", "k-123", AiTesting.FAST);

    assertThatThrownBy(() -> recommender.suggest(PROMPT))
        .satisfies(e -> assertReason(e, Reason.UNREACHABLE))
        .hasMessageContaining("cannot connect");
  }

  @Test
  void theKeyIsInNoMessageEvenWhenTheServerEchoesIt() {
    server = AiProviderStandIn.openAi();
    String echo = "echo of " + AiProviderStandIn.KEY;
    AiRecommender recommender = openAi(server, AiProviderStandIn.KEY);
    List<Runnable> failures =
        List.of(
            () -> server.reply(echo),
            () -> server.reply("{\"recommendations\":[{\"title\":1,\"note\":\"" + echo + "\"}]}"),
            () -> server.refuse(echo),
            () -> server.fail(400, "invalid_request_error", echo),
            () -> server.fail(404, "not_found_error", echo),
            () -> server.fail(402, "billing_error", echo),
            () -> server.fail(503, "api_error", echo),
            () -> server.rateLimited(0));

    for (Runnable failure : failures) {
      failure.run();
      assertThatThrownBy(() -> recommender.suggest(PROMPT))
          .isInstanceOf(AiRecommenderException.class)
          .satisfies(e -> assertThat(AiTesting.messages(e)).doesNotContain(AiProviderStandIn.KEY));
    }
  }

  private JsonNode onlyRequestBody() throws IOException {
    List<LoggedRequest> requests =
        server.wireMock().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    assertThat(requests).hasSize(1);
    return Json.mapper().readTree(requests.get(0).getBodyAsString());
  }
}
