package io.suasor.media.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.suasor.media.store.Json;
import java.time.Duration;

/**
 * An AI chat API for tests, answering in the shapes its provider documents: OpenAI's chat
 * completions ({@code POST /v1/chat/completions}, openai-openapi 2.3.0), Ollama's OpenAI-compatible
 * endpoint (the same path, no key checked, no {@code refusal} field), or Anthropic's Messages API
 * ({@code POST /v1/messages}, version 2023-06-01). OpenAI and Anthropic answer 401 in their error
 * shapes unless the request carries {@link #KEY} in their header.
 *
 * <p>A test sets what the model says with {@link #reply}, or a failure ({@link #refuse}, {@link
 * #rateLimited}, {@link #fail}, {@link #slow}); the latest one set answers. Faults of its own go on
 * {@link #wireMock()} at priority 1.
 */
public final class AiProviderStandIn implements AutoCloseable {
  /** The key OpenAI's and Anthropic's stand-ins accept. */
  public static final String KEY = "sk-standin-4fQ9zL2xV7";

  /** Which API it stands in for. */
  public enum Api {
    OPENAI,
    OLLAMA,
    ANTHROPIC
  }

  private final Api api;
  private final WireMockServer server;

  private AiProviderStandIn(Api api) {
    this.api = api;
    // A short stop: a test of a slow answer leaves it still being delayed when it ends.
    this.server = new WireMockServer(options().dynamicPort().jettyStopTimeout(100L));
    server.start();
    server.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                api == Api.OLLAMA
                    ? error(404, "not_found_error", "404 page not found")
                    : error(401, "authentication_error", "Incorrect API key provided")));
    reply("{\"recommendations\":[]}");
  }

  public static AiProviderStandIn openAi() {
    return new AiProviderStandIn(Api.OPENAI);
  }

  public static AiProviderStandIn ollama() {
    return new AiProviderStandIn(Api.OLLAMA);
  }

  public static AiProviderStandIn anthropic() {
    return new AiProviderStandIn(Api.ANTHROPIC);
  }

  /** The base URL a user would enter: with {@code /v1} for the OpenAI-compatible ones. */
  public String baseUrl() {
    return server.baseUrl() + (api == Api.ANTHROPIC ? "" : "/v1");
  }

  /** The path the provider's API answers on. */
  public String path() {
    return api == Api.ANTHROPIC ? "/v1/messages" : "/v1/chat/completions";
  }

  public WireMockServer wireMock() {
    return server;
  }

  /** The model answers {@code text}, having stopped normally. */
  public void reply(String text) {
    reply(text, api == Api.ANTHROPIC ? "end_turn" : "stop");
  }

  /** The model answers {@code text} and stops for {@code reason} (finish or stop reason). */
  public void reply(String text, String reason) {
    answer(ok(api == Api.ANTHROPIC ? message(text, reason) : completion(text, null, reason)));
  }

  /**
   * The model declines: OpenAI's {@code refusal} field, Anthropic's {@code stop_reason: refusal};
   * Ollama has no refusal signal of its own, so its stand-in's content filter withholds the reply.
   */
  public void refuse(String why) {
    ObjectNode body =
        switch (api) {
          case OPENAI -> completion(null, why, "stop");
          case OLLAMA -> completion(null, null, "content_filter");
          case ANTHROPIC -> {
            ObjectNode refusal = message("", "refusal");
            refusal.putArray("content");
            refusal.putObject("stop_details").put("type", "refusal").put("explanation", why);
            yield refusal;
          }
        };
    answer(ok(body));
  }

  /** Every request answers 429 with {@code Retry-After: seconds}. */
  public void rateLimited(int retryAfterSeconds) {
    answer(
        error(429, api == Api.ANTHROPIC ? "rate_limit_error" : "requests", "Rate limit reached")
            .withHeader("Retry-After", String.valueOf(retryAfterSeconds)));
  }

  /** Every request answers {@code status} with the provider's error body saying {@code message}. */
  public void fail(int status, String type, String message) {
    answer(error(status, type, message));
  }

  /** The model's answer comes after {@code delay}. */
  public void slow(Duration delay) {
    String empty = "{\"recommendations\":[]}";
    answer(
        ok(api == Api.ANTHROPIC ? message(empty, "end_turn") : completion(empty, null, "stop"))
            .withFixedDelay((int) delay.toMillis()));
  }

  @Override
  public void close() {
    server.stop();
  }

  private void answer(ResponseDefinitionBuilder response) {
    server.stubFor(stubbed().willReturn(response));
  }

  /** Matches the API's path, and its key header where the provider checks one. */
  private MappingBuilder stubbed() {
    MappingBuilder request = post(urlPathEqualTo(path())).atPriority(5);
    return switch (api) {
      case OPENAI -> request.withHeader("Authorization", equalTo("Bearer " + KEY));
      case OLLAMA -> request;
      case ANTHROPIC -> request.withHeader("x-api-key", equalTo(KEY));
    };
  }

  private static ResponseDefinitionBuilder ok(ObjectNode body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  private ResponseDefinitionBuilder error(int status, String type, String message) {
    ObjectNode body = Json.mapper().createObjectNode();
    if (api == Api.ANTHROPIC) {
      body.put("type", "error");
      body.putObject("error").put("type", type).put("message", message);
      body.put("request_id", "req_011CStandIn");
    } else {
      body.putObject("error")
          .put("message", message)
          .put("type", type)
          .putNull("param")
          .putNull("code");
    }
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString());
  }

  private ObjectNode completion(String content, String refusal, String finishReason) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put("id", api == Api.OLLAMA ? "chatcmpl-42" : "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
            .put("object", "chat.completion")
            .put("created", 1741569952)
            .put("model", api == Api.OLLAMA ? "qwen3:8b" : "gpt-4o-mini-2024-07-18");
    if (api == Api.OLLAMA) {
      body.put("system_fingerprint", "fp_ollama");
    }
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    message.put("content", content);
    if (api == Api.OPENAI) {
      message.put("refusal", refusal);
      message.putArray("annotations");
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    body.putObject("usage")
        .put("prompt_tokens", 412)
        .put("completion_tokens", 230)
        .put("total_tokens", 642);
    return body;
  }

  private static ObjectNode message(String text, String stopReason) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put("id", "msg_013Zva2CMHLNnXjNJJKqJ2EF")
            .put("type", "message")
            .put("role", "assistant")
            .put("model", "claude-sonnet-4-5-20250929");
    body.putArray("content").addObject().put("type", "text").put("text", text);
    body.put("stop_reason", stopReason).putNull("stop_sequence");
    body.putObject("usage").put("input_tokens", 412).put("output_tokens", 230);
    return body;
  }
}
