package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.collections.InvalidRulesException;
import io.suasor.media.collections.RuleError;
import io.suasor.media.collections.RuleParser;
import io.suasor.media.collections.RuleWriter;
import io.suasor.media.collections.SmartRules;
import io.suasor.media.model.CollectionKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A collection as a client sends it: a name, a description, and either rules (smart) or an item
 * list (manual). Read from JSON with every bad part named, so a client can point at it.
 */
record CollectionRequest(
    String name, String description, CollectionKind kind, SmartRules rules, List<Long> items) {
  static final int MAX_NAME = 200;
  static final int MAX_ITEMS = 10_000;
  private static final Set<String> FIELDS =
      Set.of("name", "description", "kind", "rules", "sort", "limit", "items");

  /** The stored {@code rules} column: the canonical JSON for a smart collection, else "{}". */
  String storedRules() {
    return rules == null ? "{}" : RuleWriter.json(rules);
  }

  static CollectionRequest read(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid(
          "body", "send a JSON object: {\"name\": …, \"rules\": …} or {\"name\": …, \"items\": …}");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        throw ApiException.invalid(
            field, field + " is not a field of a collection; use " + String.join(", ", FIELDS));
      }
    }
    String name = text(body, "name");
    if (name == null || name.isBlank() || name.length() > MAX_NAME) {
      throw ApiException.invalid(
          "name", "name is required: a text of 1 to " + MAX_NAME + " characters");
    }
    String description = text(body, "description");
    CollectionKind kind = kind(body);
    if (kind == CollectionKind.SMART) {
      if (body.has("items")) {
        throw ApiException.invalid(
            "items", "a smart collection's items come from its rules; send rules, not items");
      }
      return new CollectionRequest(name.trim(), description, kind, rules(body), null);
    }
    for (String field : List.of("rules", "sort", "limit")) {
      if (body.has(field)) {
        throw ApiException.invalid(
            field, field + " belongs to a smart collection; a manual one takes items");
      }
    }
    return new CollectionRequest(name.trim(), description, kind, null, items(body.get("items")));
  }

  /**
   * Reads {@code rules}, {@code sort} and {@code limit} as a preview or a smart collection has
   * them.
   */
  static SmartRules rules(JsonNode body) {
    try {
      return RuleParser.parse(body.get("rules"), body.get("sort"), body.get("limit"));
    } catch (InvalidRulesException e) {
      throw invalid(e);
    }
  }

  static ApiException invalid(InvalidRulesException e) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (RuleError error : e.errors()) {
      errors.add(Map.of("path", error.path(), "message", error.message()));
    }
    return new ApiException(
        400,
        "VALIDATION_ERROR",
        "the rules cannot be used: " + e.getMessage(),
        Map.of("field", e.errors().get(0).path(), "errors", errors));
  }

  private static CollectionKind kind(JsonNode body) {
    JsonNode kind = body.get("kind");
    if (kind == null || kind.isNull()) {
      return body.has("rules") ? CollectionKind.SMART : CollectionKind.MANUAL;
    }
    return switch (kind.asText()) {
      case "smart" -> CollectionKind.SMART;
      case "manual" -> CollectionKind.MANUAL;
      default -> throw ApiException.invalid("kind", "kind must be manual or smart, was " + kind);
    };
  }

  private static List<Long> items(JsonNode items) {
    if (items == null || items.isNull()) {
      return List.of();
    }
    if (!items.isArray() || items.size() > MAX_ITEMS) {
      throw ApiException.invalid(
          "items", "items must be a list of at most " + MAX_ITEMS + " item ids, in their order");
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode id = items.get(i);
      if (!id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() <= 0) {
        throw ApiException.invalid(
            "items[" + i + "]", "items[" + i + "] must be a positive item id, was " + id);
      }
      if (!ids.add(id.asLong())) {
        throw ApiException.invalid(
            "items[" + i + "]", "items[" + i + "]: item " + id + " is already in the list");
      }
    }
    return List.copyOf(ids);
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.invalid(field, field + " must be a text, was " + value);
    }
    return value.asText();
  }
}
