package io.suasor.media.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.suasor.media.model.MediaType;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes {@link SmartRules} as the JSON {@link RuleParser} reads, in one canonical form (lists
 * always as lists, a decade as its years), so that what is stored reads back the same.
 */
public final class RuleWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  private RuleWriter() {}

  public static String json(SmartRules rules) {
    return document(rules).toString();
  }

  public static ObjectNode document(SmartRules rules) {
    ObjectNode document = MAPPER.createObjectNode();
    document.set("rules", node(rules.rules()));
    document.set("sort", sort(rules.sort()));
    document.put("limit", rules.limit());
    return document;
  }

  public static ObjectNode sort(Sort sort) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("by", sort.by().value());
    node.put("order", sort.descending() ? "desc" : "asc");
    if (sort.seed() != null) {
      node.put("seed", sort.seed());
    }
    return node;
  }

  public static JsonNode node(Rule rule) {
    ObjectNode node = MAPPER.createObjectNode();
    if (rule instanceof Rule.All all) {
      node.set("all", nodes(all.rules()));
    } else if (rule instanceof Rule.Any any) {
      node.set("any", nodes(any.rules()));
    } else if (rule instanceof Rule.Not not) {
      node.set("not", node(not.rule()));
    } else if (rule instanceof Rule.Genre genre) {
      node.set("genre", texts(genre.genres()));
    } else if (rule instanceof Rule.Person person) {
      ObjectNode who = node.putObject("person");
      who.set("name", texts(person.names()));
      if (person.role() != null) {
        who.put("role", person.role().value());
      }
    } else if (rule instanceof Rule.Years years) {
      bounds(node.putObject("year"), "from", years.from(), "to", years.to());
    } else if (rule instanceof Rule.Rating rating) {
      ObjectNode range = node.putObject("rating");
      if (rating.min() != null) {
        range.put("min", rating.min());
      }
      if (rating.max() != null) {
        range.put("max", rating.max());
      }
    } else if (rule instanceof Rule.Status status) {
      node.put("status", status.status().value());
    } else if (rule instanceof Rule.Favorite favorite) {
      node.put("favorite", favorite.favorite());
    } else if (rule instanceof Rule.AddedWithin added) {
      node.put("addedWithinDays", added.days());
    } else if (rule instanceof Rule.Types types) {
      node.set("type", texts(types.types().stream().map(MediaType::value).toList()));
    } else if (rule instanceof Rule.Runtime runtime) {
      bounds(node.putObject("runtime"), "min", runtime.minMinutes(), "max", runtime.maxMinutes());
    } else if (rule instanceof Rule.Season season) {
      ObjectNode window = node.putObject("season");
      window.put("from", monthDay(season.from()));
      window.put("to", monthDay(season.to()));
    }
    return node;
  }

  private static ArrayNode nodes(List<Rule> rules) {
    ArrayNode list = MAPPER.createArrayNode();
    rules.forEach(rule -> list.add(node(rule)));
    return list;
  }

  private static ArrayNode texts(List<String> texts) {
    ArrayNode list = MAPPER.createArrayNode();
    texts.forEach(list::add);
    return list;
  }

  private static void bounds(ObjectNode node, String low, Integer from, String high, Integer to) {
    if (from != null) {
      node.put(low, from);
    }
    if (to != null) {
      node.put(high, to);
    }
  }

  private static String monthDay(MonthDay day) {
    return MONTH_DAY.format(day);
  }
}
