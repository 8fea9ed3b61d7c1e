package io.suasor.media.recommend.ai;

import io.suasor.media.model.Recommender;
import io.suasor.media.source.http.HttpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Opens the AI recommender a user chose in their job preferences. */
public final class AiRecommenders {
  private AiRecommenders() {}

  /**
   * HTTP settings suited to a model writing a list: minutes for an answer (a local model on a small
   * machine is slow), and one retry, since a timed-out generation is costly to repeat.
   */
  public static HttpSettings httpDefaults() {
    return new HttpSettings(
        Duration.ofSeconds(10),
        Duration.ofMinutes(3),
        2,
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        2);
  }

  /**
   * @param kind {@link Recommender#OPENAI} or {@link Recommender#ANTHROPIC}
   * @param baseUrl the API's base address, e.g. {@code http://localhost:11434/v1} for Ollama; null
   *     or blank for the provider's own ({@code https://api.openai.com/v1}, {@code
   *     https://api.anthropic.com})
   * @param model the model's name as the service knows it
   * @param key the API key; null or blank for none (Ollama, LM Studio)
   * @throws IllegalArgumentException for the built-in recommender, a blank model, a URL that is not
   *     an http(s) address or a key with a control character: settings the preferences should not
   *     have taken
   */
  public static AiRecommender open(
      Recommender kind, String baseUrl, String model, String key, HttpSettings http) {
    return switch (kind) {
      case BUILTIN ->
          throw new IllegalArgumentException("the built-in recommender is not an AI recommender");
      case OPENAI ->
          new OpenAiCompatibleRecommender(
              address(baseUrl, OpenAiCompatibleRecommender.DEFAULT_URL),
              modelName(model),
              apiKey(key),
              http);
      case ANTHROPIC ->
          new AnthropicRecommender(
              withoutVersion(address(baseUrl, AnthropicRecommender.DEFAULT_URL)),
              modelName(model),
              apiKey(key),
              http);
    };
  }

  private static String modelName(String model) {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(
          "choose the AI recommender's model in the job preferences, e.g. gpt-4o-mini,"
              + " claude-sonnet-4-5 or qwen3:8b");
    }
    return model.strip();
  }

  /** Null for none; a key that cannot travel in a header is refused here, without showing it. */
  private static String apiKey(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String apiKey = key.strip();
    if (apiKey.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "the AI recommender's key holds a space, line break or control character; paste it"
              + " again in the job preferences");
    }
    return apiKey;
  }

  private static String address(String baseUrl, String fallback) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return fallback;
    }
    String url = baseUrl.strip();
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Said below without the parser's words, which would repeat the whole address.
    }
    throw new IllegalArgumentException(
        "the AI recommender's URL is not an http:// or https:// address; write it as e.g."
            + " http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1");
  }

  /**
   * Anthropic's paths carry the version ({@code /v1/messages}); a base address copied with it
   * ({@code https://api.anthropic.com/v1}, as OpenAI-compatible ones are written) would double it.
   */
  private static String withoutVersion(String url) {
    String trimmed = url.replaceAll("/+$", "");
    return trimmed.endsWith("/v1") ? trimmed.substring(0, trimmed.length() - 3) : trimmed;
  }
}
