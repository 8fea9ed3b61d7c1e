package io.suasor.media.metadata.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.source.http.Query;
import io.suasor.media.source.http.ServerAddress;
import io.suasor.media.source.http.ServerHttp;
import io.suasor.media.source.http.SourceHttpException;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TMDB over {@link ServerHttp}, and what its answers mean: the key as a secret query parameter or
 * the token as a bearer header, 404 as no answer, a refused key or any other failure as a {@link
 * TmdbException} that says what to check and never shows the key.
 */
final class TmdbHttp {
  private final TmdbSettings settings;
  private final ServerHttp http;

  TmdbHttp(TmdbSettings settings) {
    this.settings = settings;
    this.http = open(settings);
  }

  private static ServerHttp open(TmdbSettings settings) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (settings.readAccessToken() != null) {
      headers.put("Authorization", "Bearer " + settings.readAccessToken());
    }
    List<String> secrets = new ArrayList<>();
    if (settings.apiKey() != null) {
      secrets.add(settings.apiKey());
    }
    if (settings.readAccessToken() != null) {
      secrets.add(settings.readAccessToken());
    }
    return new ServerHttp(
        new ServerAddress(
            "TMDB",
            null,
            settings.baseUrl(),
            settings.readAccessToken() != null
                ? "check tmdb.readAccessToken (SUASOR_TMDB_READ_ACCESS_TOKEN): it must be the API"
                    + " Read Access Token from themoviedb.org, Settings, API"
                : "check tmdb.apiKey (SUASOR_TMDB_API_KEY): it must be the v3 API key from"
                    + " themoviedb.org, Settings, API"),
        settings.http(),
        headers,
        secrets);
  }

  Optional<JsonNode> get(String path, Map<String, Object> params) {
    Query query = Query.of();
    params.forEach(query::and);
    if (settings.readAccessToken() == null) {
      query.secret("api_key", settings.apiKey());
    }
    ServerHttp.Response response;
    try {
      response = http.exchangeAnyStatus("GET", path, query);
    } catch (SourceHttpException e) {
      throw new TmdbException(
          e.getMessage(), e.problem() == SourceHttpException.Problem.UNAUTHORIZED, e);
    }
    int status = response.status();
    if (status == 404) {
      return Optional.empty();
    }
    if (status < 200 || status > 299) {
      throw new TmdbException(
          http.describe("GET", path)
              + " answered HTTP "
              + status
              + statusMessage(response).map(m -> " (" + http.redact(m) + ")").orElse("")
              + (status == 400
                  ? ": Suasor asked for something TMDB does not serve; report it as a bug"
                  : ": try again later"),
          false,
          null);
    }
    try {
      return Optional.of(Json.mapper().readTree(response.body()));
    } catch (IOException e) {
      throw new TmdbException(
          http.describe("GET", path)
              + " answered something other than JSON: check tmdb.baseUrl (leave it empty for "
              + TmdbSettings.DEFAULT_URL
              + ")",
          false,
          e);
    }
  }

  /** TMDB's own words in an error body ({@code status_message}), when it sent some. */
  private static Optional<String> statusMessage(ServerHttp.Response response) {
    try {
      JsonNode body = Json.mapper().readTree(response.body());
      return body != null && body.path("status_message").isTextual()
          ? Optional.of(body.path("status_message").asText())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
