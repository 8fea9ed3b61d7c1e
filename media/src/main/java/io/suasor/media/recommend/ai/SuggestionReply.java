package io.suasor.media.recommend.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.suasor.media.model.MediaType;
import io.suasor.media.store.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a model's reply text as the JSON the system message asked for, strictly: a reply that is
 * not exactly that (give or take a Markdown code fence around it) is rejected with what is wrong,
 * rather than half-read. Suggestions of an excluded title, repeats (same title and year), and any
 * beyond the count asked for, are left out.
 */
final class SuggestionReply {
  private static final ObjectReader READER =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern FENCE =
      Pattern.compile("^```[A-Za-z]*[ \\t]*\\R(.*?)\\R?```$", Pattern.DOTALL);

  /** What is wrong with a reply, in a few words. */
  static final class NotTheAskedJson extends Exception {
    NotTheAskedJson(String problem) {
      super(problem, null, false, false);
    }
  }

  private SuggestionReply() {}

  static List<AiSuggestion> parse(String text, TastePrompt prompt) throws NotTheAskedJson {
    JsonNode root;
    try {
      root = READER.readTree(unfenced(text.strip()));
    } catch (JsonProcessingException e) {
      throw new NotTheAskedJson("not JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw new NotTheAskedJson("an empty reply");
    }
    if (!root.isObject()) {
      throw new NotTheAskedJson("not a JSON object");
    }
    JsonNode list = root.get("recommendations");
    if (list == null || !list.isArray()) {
      throw new NotTheAskedJson("no \"recommendations\" list");
    }
    Set<String> excluded =
        prompt.excludedTitles().stream().map(SuggestionReply::key).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    List<AiSuggestion> suggestions = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      AiSuggestion suggestion = suggestion(list.get(i), "recommendations[" + i + "]");
      String key = key(suggestion.title()) + "|" + suggestion.year();
      if (suggestions.size() < prompt.count()
          && !excluded.contains(key(suggestion.title()))
          && seen.add(key)) {
        suggestions.add(suggestion);
      }
    }
    return suggestions;
  }

  private static String unfenced(String text) {
    Matcher fenced = FENCE.matcher(text);
    return fenced.matches() ? fenced.group(1) : text;
  }

  private static AiSuggestion suggestion(JsonNode node, String where) throws NotTheAskedJson {
    if (!node.isObject()) {
      throw new NotTheAskedJson(where + " is not an object");
    }
    JsonNode title = node.get("title");
    if (title == null || !title.isTextual() || title.asText().isBlank()) {
      throw new NotTheAskedJson(where + " has no title");
    }
    return new AiSuggestion(
        title.asText().strip(),
        year(node.get("year"), where),
        mediaType(node.get("mediaType"), where),
        strings(node.get("genres"), where + ".genres"),
        score(node.get("score"), where),
        optionalText(node.get("reasoning"), where + ".reasoning"),
        strings(node.get("similarTitles"), where + ".similarTitles"),
        strings(node.get("matchedPeople"), where + ".matchedPeople"));
  }

  private static Integer year(JsonNode year, String where) throws NotTheAskedJson {
    if (absent(year)) {
      return null;
    }
    if (!year.isIntegralNumber() || !year.canConvertToInt()) {
      throw new NotTheAskedJson(where + ".year is not a whole number");
    }
    return year.intValue();
  }

  private static MediaType mediaType(JsonNode type, String where) throws NotTheAskedJson {
    if (absent(type)) {
      return null;
    }
    if (type.isTextual()) {
      for (MediaType known : MediaType.values()) {
        if (known.value().equals(type.asText().strip().toLowerCase(Locale.ROOT))) {
          return known;
        }
      }
    }
    throw new NotTheAskedJson(
        where
            + ".mediaType "
            + type
            + " is not one of "
            + Arrays.stream(MediaType.values()).map(MediaType::value).toList());
  }

  private static double score(JsonNode score, String where) throws NotTheAskedJson {
    if (absent(score)) {
      throw new NotTheAskedJson(where + " has no score");
    }
    if (!score.isNumber()) {
      throw new NotTheAskedJson(where + ".score is not a number");
    }
    double value = score.doubleValue();
    if (!(value >= 0 && value <= 1)) {
      throw new NotTheAskedJson(where + ".score " + score + " is not between 0 and 1");
    }
    return value;
  }

  private static String optionalText(JsonNode text, String where) throws NotTheAskedJson {
    if (absent(text)) {
      return "";
    }
    if (!text.isTextual()) {
      throw new NotTheAskedJson(where + " is not a string");
    }
    return text.asText().strip();
  }

  private static List<String> strings(JsonNode list, String where) throws NotTheAskedJson {
    if (absent(list)) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new NotTheAskedJson(where + " is not a list");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : list) {
      if (!value.isTextual()) {
        throw new NotTheAskedJson(where + " holds something other than strings");
      }
      if (!value.asText().isBlank()) {
        values.add(value.asText().strip());
      }
    }
    return values;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static String key(String title) {
    return title.strip().toLowerCase(Locale.ROOT);
  }
}
