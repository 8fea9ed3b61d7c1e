package io.suasor.media.recommend.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.media.recommend.ai.SuggestionReply.NotTheAskedJson;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.ServerAddress;
import io.suasor.media.store.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code POST {baseUrl}/v1/messages}, version 2023-06-01). It has no JSON
 * mode: the system message alone asks for JSON. {@code max_tokens}, which it requires, grows with
 * the count asked for, so that a long list is not cut off.
 */
final class AnthropicRecommender implements AiRecommender {
  static final String KIND = "Anthropic Messages API";
  static final String DEFAULT_URL = "https://api.anthropic.com";
  static final String VERSION = "2023-06-01";
  private static final String PATH = "/v1/messages";

  private final ProviderHttp http;
  private final String model;

  AnthropicRecommender(String baseUrl, String model, String key, HttpSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("anthropic-version", VERSION);
    if (key != null) {
      headers.put("x-api-key", key);
    }
    this.http =
        new ProviderHttp(
            new ServerAddress(
                KIND,
                null,
                baseUrl,
                "set the recommender key in your job preferences to an Anthropic API key (Claude"
                    + " Console → API keys)"),
            model,
            headers,
            key,
            settings);
    this.model = model;
  }

  @Override
  public List<AiSuggestion> suggest(TastePrompt prompt) {
    return suggestions(http.json(http.post(PATH, request(prompt))), prompt);
  }

  /** Room for about 250 tokens a suggestion (title, lists, a reason of two sentences). */
  static int maxTokens(int count) {
    return Math.max(1024, Math.min(8192, 512 + 250 * count));
  }

  private JsonNode request(TastePrompt prompt) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put("model", model)
            .put("max_tokens", maxTokens(prompt.count()))
            .put("system", PromptText.system(prompt));
    body.putArray("messages")
        .addObject()
        .put("role", "user")
        .put("content", PromptText.user(prompt));
    return body;
  }

  private List<AiSuggestion> suggestions(JsonNode answer, TastePrompt prompt) {
    String stop = answer.path("stop_reason").asText("");
    if (stop.equals("refusal")) {
      throw http.refused(answer.path("stop_details").path("explanation").asText(""));
    }
    JsonNode content = answer.get("content");
    if (content == null || !content.isArray()) {
      throw http.notTheApi("a content list", answer);
    }
    StringBuilder text = new StringBuilder();
    boolean anyText = false;
    for (JsonNode block : content) {
      if (block.path("type").asText().equals("text") && block.path("text").isTextual()) {
        text.append(block.path("text").asText());
        anyText = true;
      }
    }
    if (!anyText) {
      throw http.malformed(
          "no text block in its content", answer.toString(), stop.equals("max_tokens"));
    }
    try {
      return SuggestionReply.parse(text.toString(), prompt);
    } catch (NotTheAskedJson e) {
      throw http.malformed(e.getMessage(), text.toString(), stop.equals("max_tokens"));
    }
  }
}
