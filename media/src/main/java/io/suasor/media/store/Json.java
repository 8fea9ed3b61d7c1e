package io.suasor.media.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.suasor.media.MediaException;
import java.util.List;
import java.util.Map;

/** The JSON text columns (lists and maps of a row) and configuration documents. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new MediaException("cannot write JSON of a " + value.getClass().getSimpleName(), e);
    }
  }

  public static List<String> strings(String json) {
    return read(json, STRINGS);
  }

  public static List<Long> longs(String json) {
    return read(json, LONGS);
  }

  public static Map<String, String> stringMap(String json) {
    return read(json, STRING_MAP);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new MediaException("cannot read stored JSON '" + json + "'", e);
    }
  }
}
