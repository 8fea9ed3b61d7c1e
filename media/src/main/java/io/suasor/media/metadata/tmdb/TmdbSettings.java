package io.suasor.media.metadata.tmdb;

import io.suasor.media.source.http.HttpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * How Suasor talks to TMDB.
 *
 * @param baseUrl the API's address, {@link #DEFAULT_URL} unless a test points it elsewhere
 * @param apiKey a v3 API key, sent as the {@code api_key} query parameter; null when a read-access
 *     token is used instead
 * @param readAccessToken an API read-access token, sent as {@code Authorization: Bearer}; null when
 *     an API key is used instead (when both are given the token is used)
 * @param language the {@code language} asked for, e.g. {@code en-US}
 * @param requestsPerWindow requests sent at most within {@code window}; TMDB's current page speaks
 *     of about 40 a second, its old limit was 40 in 10 seconds, which is what Suasor keeps to by
 *     default
 * @param window the span {@code requestsPerWindow} counts over
 * @param cacheChars characters of JSON answers remembered at most (the least recently used are
 *     dropped first)
 * @param cacheTtl how long an answer is remembered
 */
public record TmdbSettings(
    String baseUrl,
    String apiKey,
    String readAccessToken,
    String language,
    int requestsPerWindow,
    Duration window,
    long cacheChars,
    Duration cacheTtl,
    HttpSettings http) {

  public static final String DEFAULT_URL = "https://api.themoviedb.org/3";

  /** Where TMDB serves images at their original size; a poster's URL is this plus its path. */
  public static final String IMAGE_BASE = "https://image.tmdb.org/t/p/original";

  public TmdbSettings {
    apiKey = blankToNull(apiKey);
    readAccessToken = blankToNull(readAccessToken);
    if (apiKey == null && readAccessToken == null) {
      throw new IllegalArgumentException(
          "TMDB needs tmdb.apiKey (a v3 API key) or tmdb.readAccessToken (an API read access"
              + " token); both are on themoviedb.org under Settings, API");
    }
    for (String secret : new String[] {apiKey, readAccessToken}) {
      if (secret != null && secret.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
        throw new IllegalArgumentException(
            "the TMDB key or token holds a space, line break or control character; copy it again"
                + " into tmdb.apiKey or tmdb.readAccessToken");
      }
    }
    baseUrl = address(baseUrl == null || baseUrl.isBlank() ? DEFAULT_URL : baseUrl.strip());
    if (requestsPerWindow < 1 || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("TMDB's rate limit needs a positive count and window");
    }
    if (cacheChars < 0 || cacheTtl.isNegative()) {
      throw new IllegalArgumentException("TMDB's cache needs a non-negative size and lifetime");
    }
  }

  /**
   * The usual settings for a key or token: 40 requests per 10 s; answers kept for a day, up to 32
   * million characters of JSON (about a thousand films' details with their credits).
   */
  public static TmdbSettings of(String baseUrl, String apiKey, String readAccessToken) {
    return new TmdbSettings(
        baseUrl,
        apiKey,
        readAccessToken,
        "en-US",
        40,
        Duration.ofSeconds(10),
        32_000_000L,
        Duration.ofHours(24),
        HttpSettings.defaults());
  }

  public TmdbSettings withRateLimit(int requests, Duration span) {
    return new TmdbSettings(
        baseUrl, apiKey, readAccessToken, language, requests, span, cacheChars, cacheTtl, http);
  }

  public TmdbSettings withHttp(HttpSettings settings) {
    return new TmdbSettings(
        baseUrl,
        apiKey,
        readAccessToken,
        language,
        requestsPerWindow,
        window,
        cacheChars,
        cacheTtl,
        settings);
  }

  @Override
  public String toString() {
    return "TmdbSettings[" + baseUrl + (readAccessToken != null ? ", token" : ", api key") + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String address(String url) {
    try {
      URI uri = new URI(url);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Said below in words a user can act on.
    }
    throw new IllegalArgumentException(
        "tmdb.baseUrl is not an http:// or https:// address; leave it empty for " + DEFAULT_URL);
  }
}
