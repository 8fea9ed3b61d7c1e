package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Recommender;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change of a user's job preferences as {@code PUT /api/v1/users/me/preferences} sends it: the
 * fields present replace the current values (a nullable one is cleared by {@code null}), the absent
 * keep theirs; each is checked with a message that says what to send instead. The read-only fields
 * a GET answers are accepted and ignored, so a client may send back what it read. {@code
 * recommenderKey} is write-only: a text sets the key, an empty text or null removes it.
 */
final class PreferencesChange {
  static final int MAX_RECOMMENDATIONS = 100;
  static final int MAX_NOTIFICATIONS_PER_DAY = 100;
  static final int MAX_GENRES = 50;
  static final int MAX_TEXT = 200;
  static final int MAX_KEY = 4096;

  private static final Set<String> READ_ONLY = Set.of("userId", "hasRecommenderKey", "updatedAt");
  private static final List<String> FIELDS =
      List.of(
          "timeZone",
          "analysisEnabled",
          "recommendationsEnabled",
          "recommender",
          "recommenderUrl",
          "recommenderModel",
          "recommenderKey",
          "maxRecommendations",
          "notificationsEnabled",
          "maxNotificationsPerDay",
          "mediaTypes",
          "minRating",
          "preferredGenres",
          "excludedGenres");

  private final JsonNode body;

  private PreferencesChange(JsonNode body) {
    this.body = body;
  }

  static PreferencesChange of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest(
          "the body must be a JSON object of preferences, such as {\"maxRecommendations\": 10}");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name) && !READ_ONLY.contains(name)) {
                throw ApiException.invalid(
                    name,
                    "unknown field '"
                        + name
                        + "'; the fields of this request are "
                        + String.join(", ", FIELDS));
              }
            });
    return new PreferencesChange(body);
  }

  /** The current preferences with this change applied, checked as a whole. */
  JobPreferences applyTo(JobPreferences current, Instant now) {
    Recommender recommender =
        has("recommender") ? recommender(text("recommender")) : current.recommender();
    String model =
        has("recommenderModel") ? optionalText("recommenderModel") : current.recommenderModel();
    if (recommender != Recommender.BUILTIN && model == null) {
      throw ApiException.invalid(
          "recommenderModel",
          "recommenderModel is required with recommender "
              + recommender.value()
              + ": name the model to ask, such as gpt-4o-mini, llama3.1 or claude-sonnet-4-5");
    }
    List<String> preferred =
        has("preferredGenres") ? genres("preferredGenres") : current.preferredGenres();
    List<String> excluded =
        has("excludedGenres") ? genres("excludedGenres") : current.excludedGenres();
    Set<String> excludedKeys =
        excluded.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    for (String genre : preferred) {
      if (excludedKeys.contains(genre.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalid(
            "excludedGenres",
            "genre '"
                + genre
                + "' is both preferred and excluded; remove it from one of the lists");
      }
    }
    return new JobPreferences(
        current.userId(),
        has("timeZone") ? zone(text("timeZone")) : current.timeZone(),
        flag("analysisEnabled", current.analysisEnabled()),
        flag("recommendationsEnabled", current.recommendationsEnabled()),
        recommender,
        has("recommenderUrl") ? url(optionalText("recommenderUrl")) : current.recommenderUrl(),
        model,
        whole("maxRecommendations", current.maxRecommendations(), 1, MAX_RECOMMENDATIONS),
        flag("notificationsEnabled", current.notificationsEnabled()),
        whole(
            "maxNotificationsPerDay",
            current.maxNotificationsPerDay(),
            0,
            MAX_NOTIFICATIONS_PER_DAY),
        has("mediaTypes") ? mediaTypes() : current.mediaTypes(),
        has("minRating") ? minRating() : current.minRating(),
        preferred,
        excluded,
        now);
  }

  /**
   * The key to store when the change has one: empty when it does not touch the key, an empty
   * optional inside when it removes it.
   */
  Optional<Optional<String>> recommenderKey() {
    if (!has("recommenderKey")) {
      return Optional.empty();
    }
    JsonNode key = body.get("recommenderKey");
    if (key.isNull() || (key.isTextual() && key.asText().isEmpty())) {
      return Optional.of(Optional.empty());
    }
    if (!key.isTextual() || key.asText().isBlank() || key.asText().length() > MAX_KEY) {
      throw ApiException.invalid(
          "recommenderKey",
          "recommenderKey must be the API key as a text of at most "
              + MAX_KEY
              + " characters, or \"\" to remove the stored one");
    }
    return Optional.of(Optional.of(key.asText().strip()));
  }

  private boolean has(String field) {
    return body.has(field);
  }

  private String text(String field) {
    JsonNode value = body.get(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.invalid(field, field + " must be a non-empty text");
    }
    return value.asText().strip();
  }

  private String optionalText(String field) {
    JsonNode value = body.get(field);
    if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return null;
    }
    if (!value.isTextual() || value.asText().length() > MAX_TEXT) {
      throw ApiException.invalid(
          field, field + " must be a text of at most " + MAX_TEXT + " characters, or null");
    }
    return value.asText().strip();
  }

  private boolean flag(String field, boolean current) {
    if (!has(field)) {
      return current;
    }
    JsonNode value = body.get(field);
    if (!value.isBoolean()) {
      throw ApiException.invalid(field, field + " must be true or false, was " + value);
    }
    return value.asBoolean();
  }

  private int whole(String field, int current, int min, int max) {
    if (!has(field)) {
      return current;
    }
    JsonNode value = body.get(field);
    if (!value.canConvertToInt()
        || !value.isIntegralNumber()
        || value.asInt() < min
        || value.asInt() > max) {
      throw ApiException.invalid(
          field, field + " must be a whole number from " + min + " to " + max + ", was " + value);
    }
    return value.asInt();
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw ApiException.invalid(
          "timeZone",
          "timeZone must be an IANA time zone such as Europe/Berlin, America/New_York or UTC,"
              + " was '"
              + text
              + "'");
    }
  }

  private static Recommender recommender(String text) {
    try {
      return Recommender.of(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("recommender", e.getMessage());
    }
  }

  private static String url(String text) {
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return text;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below with the value that was sent
    }
    throw ApiException.invalid(
        "recommenderUrl",
        "recommenderUrl must be an http or https URL such as http://localhost:11434/v1, or null"
            + " for the provider's own, was '"
            + text
            + "'");
  }

  private List<MediaType> mediaTypes() {
    JsonNode value = body.get("mediaTypes");
    String allowed =
        Arrays.stream(MediaType.values()).map(MediaType::value).collect(Collectors.joining(", "));
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw ApiException.invalid(
          "mediaTypes", "mediaTypes must be a list of " + allowed + " (empty for all)");
    }
    Set<MediaType> types = new LinkedHashSet<>();
    for (JsonNode type : value) {
      MediaType parsed =
          Arrays.stream(MediaType.values())
              .filter(t -> type.isTextual() && t.value().equalsIgnoreCase(type.asText().strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "mediaTypes",
                          "mediaTypes may hold " + allowed + "; " + type + " is none of them"));
      types.add(parsed);
    }
    return List.copyOf(types);
  }

  private Double minRating() {
    JsonNode value = body.get("minRating");
    if (value.isNull()) {
      return null;
    }
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 10) {
      throw ApiException.invalid(
          "minRating",
          "minRating must be a number from 0 to 10, or null for any rating, was " + value);
    }
    return value.asDouble();
  }

  private List<String> genres(String field) {
    JsonNode value = body.get(field);
    if (value.isNull()) {
      return List.of();
    }
    if (!value.isArray() || value.size() > MAX_GENRES) {
      throw ApiException.invalid(
          field, field + " must be a list of at most " + MAX_GENRES + " genre names");
    }
    List<String> genres = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode genre : value) {
      if (!genre.isTextual() || genre.asText().isBlank() || genre.asText().length() > MAX_TEXT) {
        throw ApiException.invalid(
            field, field + " must hold genre names (non-empty texts), found " + genre);
      }
      String name = genre.asText().strip();
      if (seen.add(name.toLowerCase(Locale.ROOT))) {
        genres.add(name);
      }
    }
    return genres;
  }
}
