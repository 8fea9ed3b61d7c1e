package io.suasor.media.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.suasor.media.model.CreditRole;
import io.suasor.media.model.MediaType;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a smart collection's JSON ({@code rules}, {@code sort}, {@code limit}) into {@link
 * SmartRules}, or throws {@link InvalidRulesException} naming every bad part by its JSON path.
 */
public final class RuleParser {
  static final int MIN_YEAR = 1800;
  static final int MAX_YEAR = 2200;
  static final int MAX_DAYS = 36_500;
  static final int MAX_RUNTIME_MINUTES = 100_000;
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
  private static final String CONDITIONS =
      "all, any, not, genre, person, year, decade, rating, status, favorite, addedWithinDays, type,"
          + " runtime, season";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonFields fields = new JsonFields();

  private RuleParser() {}

  /** Parses the stored JSON document of a smart collection. */
  public static SmartRules parse(String document) {
    JsonNode root;
    try {
      root = MAPPER.readTree(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidRulesException(
          List.of(new RuleError("$", "not JSON: " + e.getOriginalMessage())));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidRulesException(
          List.of(new RuleError("$", "must be an object with rules, sort and limit")));
    }
    return parse(root.get("rules"), root.get("sort"), root.get("limit"));
  }

  /** Parses the three parts; {@code sort} and {@code limit} may be absent (null) for defaults. */
  public static SmartRules parse(JsonNode rules, JsonNode sort, JsonNode limit) {
    RuleParser parser = new RuleParser();
    Rule rule = null;
    if (rules == null || rules.isNull()) {
      parser.error("rules", "is required: one condition such as {\"genre\": \"Drama\"}");
    } else {
      rule = parser.rule(rules, "rules");
    }
    Sort order = parser.sort(sort);
    int count = parser.limit(limit);
    if (!parser.fields.errors().isEmpty()) {
      throw new InvalidRulesException(parser.fields.errors());
    }
    return new SmartRules(rule, order, count);
  }

  private Rule rule(JsonNode node, String path) {
    if (!node.isObject() || node.size() != 1) {
      error(path, "must be an object with exactly one condition, one of: " + CONDITIONS);
      return null;
    }
    Map.Entry<String, JsonNode> entry = node.fields().next();
    String key = entry.getKey();
    JsonNode value = entry.getValue();
    String at = path + "." + key;
    return switch (key) {
      case "all" -> new Rule.All(list(value, at));
      case "any" -> new Rule.Any(list(value, at));
      case "not" -> new Rule.Not(rule(value, at));
      case "genre" -> new Rule.Genre(texts(value, at, "a genre or a list of genres"));
      case "person" -> person(value, at);
      case "year" -> years(value, at);
      case "decade" -> decade(value, at);
      case "rating" -> rating(value, at);
      case "status" -> status(value, at);
      case "favorite" -> favorite(value, at);
      case "addedWithinDays" -> new Rule.AddedWithin(whole(value, at, 1, MAX_DAYS));
      case "type" -> types(value, at);
      case "runtime" -> runtime(value, at);
      case "season" -> season(value, at);
      default -> {
        error(path, "unknown condition '" + key + "'; use one of: " + CONDITIONS);
        yield null;
      }
    };
  }

  private List<Rule> list(JsonNode value, String path) {
    if (!value.isArray() || value.isEmpty()) {
      error(path, "must be a non-empty list of conditions");
      return List.of();
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      Rule rule = rule(value.get(i), path + "[" + i + "]");
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  private Rule person(JsonNode value, String path) {
    if (!value.isObject()) {
      error(path, "must be an object: {\"name\": \"…\", \"role\": \"director\"}");
      return null;
    }
    unknownFields(value, path, "name", "role");
    List<String> names = List.of();
    if (value.has("name")) {
      names = texts(value.get("name"), path + ".name", "a name or a list of names");
    } else {
      error(path + ".name", "is required: the person's name as the library credits it");
    }
    CreditRole role = null;
    if (value.has("role")) {
      role = fields.choice(value.get("role"), path + ".role", CreditRole::of, CreditRole.values());
    }
    return new Rule.Person(names, role);
  }

  private Rule years(JsonNode value, String path) {
    Integer[] bounds = bounds(value, path, "from", "to", MIN_YEAR, MAX_YEAR);
    return new Rule.Years(bounds[0], bounds[1]);
  }

  private Rule decade(JsonNode value, String path) {
    int decade = whole(value, path, MIN_YEAR, MAX_YEAR);
    if (decade % 10 != 0) {
      error(path, "must be a decade's first year, e.g. 1980, was " + value);
    }
    return new Rule.Years(decade, decade + 9);
  }

  private Rule rating(JsonNode value, String path) {
    if (!value.isObject()) {
      error(path, "must be an object: {\"min\": 7, \"max\": 10}");
      return null;
    }
    unknownFields(value, path, "min", "max");
    Double min = value.has("min") ? fields.number(value.get("min"), path + ".min") : null;
    Double max = value.has("max") ? fields.number(value.get("max"), path + ".max") : null;
    if (min == null && max == null && !value.has("min") && !value.has("max")) {
      error(path, "needs min, max or both");
    } else if (min != null && max != null && min > max) {
      error(path + ".min", "must not be above max (" + max + "), was " + min);
    }
    return new Rule.Rating(min, max);
  }

  private Rule status(JsonNode value, String path) {
    WatchStatus status = value.isTextual() ? WatchStatus.of(value.asText()) : null;
    if (status == null) {
      error(path, "must be one of " + WatchStatus.names() + ", was " + value);
    }
    return new Rule.Status(status);
  }

  private Rule favorite(JsonNode value, String path) {
    if (!value.isBoolean()) {
      error(path, "must be true or false, was " + value);
    }
    return new Rule.Favorite(value.asBoolean());
  }

  private Rule types(JsonNode value, String path) {
    List<MediaType> types = new ArrayList<>();
    List<String> names = texts(value, path, "a media type or a list of them");
    for (int i = 0; i < names.size(); i++) {
      String at = value.isArray() ? path + "[" + i + "]" : path;
      MediaType type =
          fields.choice(
              MAPPER.getNodeFactory().textNode(names.get(i)),
              at,
              MediaType::of,
              MediaType.values());
      if (type != null) {
        types.add(type);
      }
    }
    return new Rule.Types(types);
  }

  private Rule runtime(JsonNode value, String path) {
    Integer[] bounds = bounds(value, path, "min", "max", 0, MAX_RUNTIME_MINUTES);
    return new Rule.Runtime(bounds[0], bounds[1]);
  }

  private Rule season(JsonNode value, String path) {
    if (!value.isObject()) {
      error(path, "must be an object: {\"from\": \"12-01\", \"to\": \"12-31\"}");
      return null;
    }
    unknownFields(value, path, "from", "to");
    MonthDay from = monthDay(value.get("from"), path + ".from");
    MonthDay to = monthDay(value.get("to"), path + ".to");
    return new Rule.Season(from, to);
  }

  private MonthDay monthDay(JsonNode value, String path) {
    if (value == null) {
      error(path, "is required: a day of the year as MM-DD, e.g. 12-24");
      return null;
    }
    try {
      return MonthDay.parse(value.asText(), MONTH_DAY);
    } catch (DateTimeException e) {
      error(path, "must be a day of the year as MM-DD, e.g. 12-24, was " + value);
      return null;
    }
  }

  /** Two optional whole-number bounds of which at least one is given, the first not above. */
  private Integer[] bounds(JsonNode value, String path, String low, String high, int min, int max) {
    Integer[] bounds = new Integer[2];
    if (!value.isObject()) {
      error(path, "must be an object: {\"" + low + "\": …, \"" + high + "\": …}");
      return bounds;
    }
    unknownFields(value, path, low, high);
    if (!value.has(low) && !value.has(high)) {
      error(path, "needs " + low + ", " + high + " or both");
    }
    bounds[0] = value.has(low) ? whole(value.get(low), path + "." + low, min, max) : null;
    bounds[1] = value.has(high) ? whole(value.get(high), path + "." + high, min, max) : null;
    if (bounds[0] != null && bounds[1] != null && bounds[0] > bounds[1]) {
      error(
          path + "." + low, "must not be above " + high + " (" + bounds[1] + "), was " + bounds[0]);
    }
    return bounds;
  }

  private Sort sort(JsonNode sort) {
    if (sort == null || sort.isNull()) {
      return Sort.DEFAULT;
    }
    if (sort.isTextual()) {
      Sort.By by = by(sort, "sort");
      return by == null ? Sort.DEFAULT : new Sort(by, by.descendingByDefault(), null);
    }
    if (!sort.isObject()) {
      error("sort", "must be an object: {\"by\": \"rating\", \"order\": \"desc\"}");
      return Sort.DEFAULT;
    }
    unknownFields(sort, "sort", "by", "order", "seed");
    Sort.By by = sort.has("by") ? by(sort.get("by"), "sort.by") : Sort.By.TITLE;
    boolean descending = by != null && by.descendingByDefault();
    if (sort.has("order")) {
      String order = sort.get("order").asText();
      if (!sort.get("order").isTextual() || !(order.equals("asc") || order.equals("desc"))) {
        error("sort.order", "must be asc or desc, was " + sort.get("order"));
      }
      descending = order.equals("desc");
    }
    Long seed = null;
    if (sort.has("seed")) {
      if (!sort.get("seed").canConvertToLong() || !sort.get("seed").isIntegralNumber()) {
        error("sort.seed", "must be a whole number, was " + sort.get("seed"));
      } else {
        seed = sort.get("seed").asLong();
      }
    }
    return new Sort(by == null ? Sort.By.TITLE : by, descending, seed);
  }

  private Sort.By by(JsonNode value, String path) {
    Sort.By by = value.isTextual() ? Sort.By.of(value.asText()) : null;
    if (by == null) {
      error(path, "must be one of " + Sort.By.names() + ", was " + value);
    }
    return by;
  }

  private int limit(JsonNode limit) {
    if (limit == null || limit.isNull()) {
      return SmartRules.DEFAULT_LIMIT;
    }
    return whole(limit, "limit", 1, SmartRules.MAX_LIMIT);
  }

  private void error(String path, String message) {
    fields.error(path, message);
  }

  private List<String> texts(JsonNode value, String path, String what) {
    return fields.texts(value, path, what);
  }

  private int whole(JsonNode value, String path, int min, int max) {
    return fields.whole(value, path, min, max);
  }

  private void unknownFields(JsonNode value, String path, String... known) {
    fields.unknownFields(value, path, known);
  }
}
