package io.suasor.media.collections;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the values of a JSON document field by field, noting what is wrong with each under its path
 * instead of stopping at the first, so that one answer can name every bad part.
 */
final class JsonFields {
  private final List<RuleError> errors = new ArrayList<>();

  List<RuleError> errors() {
    return errors;
  }

  void error(String path, String message) {
    errors.add(new RuleError(path, message));
  }

  List<String> texts(JsonNode value, String path, String what) {
    if (value.isTextual() && !value.asText().isBlank()) {
      return List.of(value.asText().trim());
    }
    if (!value.isArray() || value.isEmpty()) {
      error(path, "must be " + what + ", was " + value);
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode text = value.get(i);
      if (!text.isTextual() || text.asText().isBlank()) {
        error(path + "[" + i + "]", "must be a non-empty text, was " + text);
      } else {
        texts.add(text.asText().trim());
      }
    }
    return texts;
  }

  int whole(JsonNode value, String path, int min, int max) {
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      error(path, "must be a whole number from " + min + " to " + max + ", was " + value);
      return min;
    }
    int number = value.asInt();
    if (number < min || number > max) {
      error(path, "must be from " + min + " to " + max + ", was " + number);
    }
    return number;
  }

  Double number(JsonNode value, String path) {
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 10) {
      error(path, "must be a number from 0 to 10, was " + value);
      return null;
    }
    return value.asDouble();
  }

  <E extends Enum<E>> E choice(JsonNode value, String path, Function<String, E> of, E[] allowed) {
    String names =
        Arrays.stream(allowed)
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    if (value.isTextual()) {
      String text = value.asText();
      for (E candidate : allowed) {
        if (candidate.name().toLowerCase(Locale.ROOT).equals(text)) {
          return of.apply(text);
        }
      }
    }
    error(path, "must be one of " + names + ", was " + value);
    return null;
  }

  void unknownFields(JsonNode value, String path, String... known) {
    List<String> allowed = List.of(known);
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        error(path + "." + name, "is not a field here; use " + String.join(", ", allowed));
      }
    }
  }
}
