package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A media source as a client sends it. {@code config} and {@code secrets} may be JSON objects or
 * strings holding one; {@code secrets} is written and never read back. The read-only fields of a
 * source are accepted and ignored, so a client may send back a source it read.
 */
@JsonIgnoreProperties(
    value = {"id", "hasSecrets", "lastSyncedAt", "createdAt", "updatedAt"},
    allowGetters = false)
record SourceRequest(
    @JsonAlias("clientType") String type,
    String name,
    @JsonAlias("userID") Long userId,
    JsonNode config,
    JsonNode secrets,
    Boolean enabled,
    Long syncIntervalSeconds) {

  /** A JSON field that must be an object, as the text of one; null when absent. */
  static String objectText(String field, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    JsonNode node = value;
    if (value.isTextual()) {
      try {
        node = io.suasor.media.store.Json.mapper().readTree(value.asText());
      } catch (java.io.IOException e) {
        node = null;
      }
    }
    if (node == null || !node.isObject()) {
      throw ApiException.invalid(
          field, field + " must be a JSON object, or a string holding one, such as {}");
    }
    return node.toString();
  }
}
