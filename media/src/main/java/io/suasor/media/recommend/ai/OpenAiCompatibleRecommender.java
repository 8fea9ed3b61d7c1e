package io.suasor.media.recommend.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.media.recommend.ai.SuggestionReply.NotTheAskedJson;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.ServerAddress;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.store.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any OpenAI-compatible chat completions API ({@code POST {baseUrl}/chat/completions}): OpenAI,
 * Ollama, LM Studio, vLLM, …. JSON mode ({@code response_format: json_object}) is asked for, and
 * dropped for good once a server rejects it (LM Studio takes only {@code json_schema}); the system
 * message asks for JSON either way. No token limit is sent: OpenAI's {@code max_tokens} is
 * deprecated and refused by its reasoning models, and Ollama does not read {@code
 * max_completion_tokens}.
 */
final class OpenAiCompatibleRecommender implements AiRecommender {
  static final String KIND = "OpenAI-compatible API";
  static final String DEFAULT_URL = "https://api.openai.com/v1";
  private static final String PATH = "/chat/completions";

  private final ProviderHttp http;
  private final String model;
  private volatile boolean jsonMode = true;

  OpenAiCompatibleRecommender(String baseUrl, String model, String key, HttpSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (key != null) {
      headers.put("Authorization", "Bearer " + key);
    }
    this.http =
        new ProviderHttp(
            new ServerAddress(
                KIND,
                null,
                baseUrl,
                "set the recommender key in your job preferences to an API key of this service"
                    + " (Ollama and LM Studio need none)"),
            model,
            headers,
            key,
            settings);
    this.model = model;
  }

  @Override
  public List<AiSuggestion> suggest(TastePrompt prompt) {
    ServerHttp.Response response = http.post(PATH, request(prompt, jsonMode));
    if (jsonMode && rejectsJsonMode(response)) {
      jsonMode = false;
      response = http.post(PATH, request(prompt, false));
    }
    return suggestions(http.json(response), prompt);
  }

  private JsonNode request(TastePrompt prompt, boolean askForJson) {
    ObjectNode body = Json.mapper().createObjectNode().put("model", model);
    body.putArray("messages")
        .add(message("system", PromptText.system(prompt)))
        .add(message("user", PromptText.user(prompt)));
    if (askForJson) {
      body.putObject("response_format").put("type", "json_object");
    }
    return body;
  }

  private static ObjectNode message(String role, String content) {
    return Json.mapper().createObjectNode().put("role", role).put("content", content);
  }

  private boolean rejectsJsonMode(ServerHttp.Response response) {
    return response.status() == 400
        && response.text().toLowerCase(Locale.ROOT).contains("response_format");
  }

  private List<AiSuggestion> suggestions(JsonNode answer, TastePrompt prompt) {
    JsonNode choice = answer.path("choices").path(0);
    if (!choice.isObject()) {
      throw http.notTheApi("choices[0]", answer);
    }
    JsonNode message = choice.path("message");
    String finish = choice.path("finish_reason").asText("");
    if (message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()) {
      throw http.refused(message.path("refusal").asText());
    }
    if (finish.equals("content_filter")) {
      throw http.refused("its content filter withheld the reply");
    }
    JsonNode content = message.path("content");
    if (!content.isTextual()) {
      throw http.malformed(
          "no text in choices[0].message.content", answer.toString(), finish.equals("length"));
    }
    try {
      return SuggestionReply.parse(content.asText(), prompt);
    } catch (NotTheAskedJson e) {
      throw http.malformed(e.getMessage(), content.asText(), finish.equals("length"));
    }
  }
}
