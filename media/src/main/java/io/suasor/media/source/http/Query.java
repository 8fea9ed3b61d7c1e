package io.suasor.media.source.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request's query parameters, in order, encoded once when the request is built. */
public final class Query {
  private final List<String[]> parameters = new ArrayList<>();

  private Query() {}

  public static Query of() {
    return new Query();
  }

  public static Query of(String name, Object value) {
    return new Query().and(name, value);
  }

  /** Adds a parameter; a null value is left out, so optional filters need no branch. */
  public Query and(String name, Object value) {
    if (value != null) {
      parameters.add(new String[] {name, String.valueOf(value)});
    }
    return this;
  }

  /** A copy with more parameters, e.g. one page of a listing. */
  public Query with(String name, Object value) {
    Query copy = new Query();
    copy.parameters.addAll(parameters);
    return copy.and(name, value);
  }

  boolean isEmpty() {
    return parameters.isEmpty();
  }

  String encoded() {
    StringBuilder text = new StringBuilder();
    for (String[] parameter : parameters) {
      if (!text.isEmpty()) {
        text.append('&');
      }
      text.append(URLEncoder.encode(parameter[0], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
