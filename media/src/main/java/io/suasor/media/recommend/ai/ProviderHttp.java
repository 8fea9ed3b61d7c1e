package io.suasor.media.recommend.ai;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.recommend.ai.AiRecommenderException.Reason;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerAddress;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One AI provider's address over {@link ServerHttp} (timeouts, retries, {@code Retry-After}, the
 * key blanked out of every message), and what its failures mean for a recommender: each becomes an
 * {@link AiRecommenderException} that names the provider and model and says what to change.
 */
final class ProviderHttp {
  private static final int SNIPPET = 120;

  private final ServerHttp http;
  private final HttpSettings settings;
  private final String name;

  /**
   * @param address how messages name the API, and what to tell a user whose key it refuses
   * @param headers sent with every request, the key's header among them
   * @param key never shown in a message; null when none is set
   */
  ProviderHttp(
      ServerAddress address,
      String model,
      Map<String, String> headers,
      String key,
      HttpSettings settings) {
    this.http = new ServerHttp(address, settings, headers, key == null ? List.of() : List.of(key));
    this.settings = settings;
    this.name = address.describe() + " (model " + model + ")";
  }

  /** POSTs a JSON body; any answer but those that fail outright (401, 403, 429, 5xx) returned. */
  ServerHttp.Response post(String path, JsonNode body) {
    try {
      return http.exchangeAnyStatus("POST", path, Query.of(), body);
    } catch (SourceHttpException e) {
      throw failure(e);
    }
  }

  /** A 2xx answer's JSON document; any other status is a failure. */
  JsonNode json(ServerHttp.Response response) {
    int status = response.status();
    if (status < 200 || status > 299) {
      throw rejected(response);
    }
    try {
      JsonNode document = Json.mapper().readTree(response.body());
      if (document != null && document.isObject()) {
        return document;
      }
    } catch (IOException e) {
      // Named below with the content type, which says more than the parser's complaint.
    }
    throw new AiRecommenderException(
        Reason.MALFORMED,
        name
            + " answered HTTP "
            + status
            + " with something other than a JSON object ("
            + response.headers().first("Content-Type").orElse("no content type")
            + "): check that the recommender URL is the API's base address, e.g."
            + " http://localhost:11434/v1 for Ollama");
  }

  /** The provider's own error text of an answer, short and without the key. */
  String errorText(ServerHttp.Response response) {
    String text = response.text();
    try {
      JsonNode body = Json.mapper().readTree(response.body());
      JsonNode error = body == null ? null : body.get("error");
      if (error != null && error.path("message").isTextual()) {
        text = error.path("message").asText();
      } else if (error != null && error.isTextual()) {
        text = error.asText();
      }
    } catch (IOException e) {
      // Not JSON: the body's own text is the best there is.
    }
    return snippet(text);
  }

  /** The reply was not what was asked: say what is wrong and quote its start. */
  AiRecommenderException malformed(String problem, String reply, boolean cutOff) {
    return new AiRecommenderException(
        Reason.MALFORMED,
        name
            + " replied, but not with the JSON asked for ("
            + problem
            + ")"
            + (cutOff
                ? ": the reply was cut off at the model's output limit; ask for fewer"
                    + " recommendations"
                : ": try another model, one that follows instructions more closely")
            + " (reply: \""
            + snippet(reply)
            + "\")");
  }

  /** A 2xx answer without what the API's reply always holds: likely not that API at all. */
  AiRecommenderException notTheApi(String missing, JsonNode answer) {
    return new AiRecommenderException(
        Reason.MALFORMED,
        name
            + " answered without "
            + missing
            + ": check that the recommender URL is the API's base address and the right kind of"
            + " API (answer: \""
            + snippet(answer.toString())
            + "\")");
  }

  /** The model declined, in its words when it gave some. */
  AiRecommenderException refused(String why) {
    return new AiRecommenderException(
        Reason.REFUSED,
        name
            + " declined to recommend"
            + (why == null || why.isBlank() ? "" : " (\"" + snippet(why) + "\")")
            + ": try again later or another model");
  }

  String snippet(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    String redacted = http.redact(oneLine);
    return redacted.length() > SNIPPET ? redacted.substring(0, SNIPPET) + "…" : redacted;
  }

  private AiRecommenderException rejected(ServerHttp.Response response) {
    int status = response.status();
    String said = errorText(response);
    String answered = name + " answered HTTP " + status + (said.isEmpty() ? "" : " (" + said + ")");
    if (status == 402) {
      return new AiRecommenderException(
          Reason.UNAUTHORIZED, answered + ": check the account's billing and credits");
    }
    return new AiRecommenderException(
        Reason.UNREACHABLE,
        answered
            + (status == 404
                ? ": check the recommender URL (the API's base address, e.g."
                    + " http://localhost:11434/v1) and that the model is named as the service"
                    + " knows it"
                : ": check the recommender URL and model"));
  }

  private AiRecommenderException failure(SourceHttpException e) {
    return switch (e.problem()) {
      case UNAUTHORIZED ->
          new AiRecommenderException(
              Reason.UNAUTHORIZED,
              name
                  + " refused the key (HTTP "
                  + e.status().orElse(401)
                  + "): "
                  + http.server().credentialAdvice(),
              e);
      case TIMEOUT ->
          new AiRecommenderException(
              Reason.TIMEOUT,
              name
                  + " did not answer within "
                  + HttpSettings.words(settings.readTimeout())
                  + " ("
                  + settings.maxAttempts()
                  + (settings.maxAttempts() == 1 ? " try" : " tries")
                  + "): the model may be too slow for its machine; ask for fewer"
                  + " recommendations, use a smaller model, or try again later",
              e);
      case SERVER_ERROR ->
          e.status().orElse(0) == 429
              ? new AiRecommenderException(
                  Reason.RATE_LIMITED,
                  name
                      + " answered HTTP 429 (too many requests) past Suasor's retries: the"
                      + " account's rate limit or quota is reached; try again later or raise the"
                      + " account's limits",
                  e)
              : new AiRecommenderException(
                  Reason.UNREACHABLE,
                  name
                      + " kept failing (HTTP "
                      + e.status().orElse(500)
                      + "): the service is down or overloaded; try again later",
                  e);
      case TLS ->
          new AiRecommenderException(
              Reason.UNREACHABLE,
              name
                  + ": the TLS handshake failed; use a certificate this Java trusts, or http:// if"
                  + " the service has no certificate",
              e);
      default ->
          new AiRecommenderException(
              Reason.UNREACHABLE,
              name
                  + ": cannot connect; check the recommender URL's host and port and that the"
                  + " service is running",
              e);
    };
  }
}
