package io.suasor.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

/**
 * The API's JSON: ISO-8601 dates, strict reading (unknown fields, wrong types and nulls for
 * required values are refused) with errors that name the field and say what to send instead.
 */
public final class Json implements io.javalin.json.JsonMapper {
  private final ObjectMapper mapper;

  public Json() {
    this.mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  @Override
  public String toJsonString(Object value, Type type) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  @Override
  public <T> T fromJsonString(String json, Type type) {
    return read(json, mapper.constructType(type));
  }

  /** Reads a request body as {@code type}; a bad body is a 400 saying what to fix. */
  public <T> T read(String json, Class<T> type) {
    return read(json, mapper.constructType(type));
  }

  /** Reads a request body that must be a JSON object, and returns it as compact text. */
  public String readObjectText(String json, String what) {
    JsonNode node = read(json, mapper.constructType(JsonNode.class));
    if (!node.isObject()) {
      throw ApiException.badRequest(
          what + " must be a JSON object such as {\"key\": \"value\"}, was " + node.getNodeType());
    }
    return node.toString();
  }

  private <T> T read(String json, com.fasterxml.jackson.databind.JavaType type) {
    if (json == null || json.isBlank()) {
      throw ApiException.badRequest("the request needs a JSON body");
    }
    try {
      return mapper.readValue(json, type);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      throw ApiException.invalid(
          e.getPropertyName(),
          "unknown field '" + e.getPropertyName() + "'; the fields of this request are " + known);
    } catch (InvalidFormatException e) {
      String field = path(e);
      throw ApiException.invalid(
          field,
          "field '"
              + field
              + "' has the value "
              + e.getValue()
              + ", which is not a "
              + e.getTargetType().getSimpleName()
              + describeEnum(e.getTargetType()));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw ApiException.invalid(path(e), cause.getMessage());
    } catch (MismatchedInputException e) {
      String field = path(e);
      throw ApiException.invalid(
          field,
          field.isEmpty()
              ? "the body must be a JSON " + expected(e.getTargetType())
              : "field '"
                  + field
                  + "' must be a "
                  + expected(e.getTargetType())
                  + describeEnum(e.getTargetType()));
    } catch (JsonParseException e) {
      throw ApiException.badRequest(
          "the body is not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (JsonMappingException e) {
      throw ApiException.invalid(path(e), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "value of another type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean (true or false)";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "number";
    }
    if (type == String.class || type.isEnum()) {
      return "string";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "ISO-8601 date-time string such as 2024-05-01T03:00:00Z";
    }
    return "object";
  }

  private static String describeEnum(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return "";
    }
    return "; use one of "
        + java.util.Arrays.stream(type.getEnumConstants())
            .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));
  }
}
