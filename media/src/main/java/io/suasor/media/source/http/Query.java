package io.suasor.media.source.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's query parameters, in order, encoded once when the request is built. A parameter added
 * with {@link #secret} is blanked out of every message about the request.
 */
public final class Query {
  private final List<Parameter> parameters = new ArrayList<>();

  private record Parameter(String name, String value, boolean secret) {}

  private Query() {}

  public static Query of() {
    return new Query();
  }

  public static Query of(String name, Object value) {
    return new Query().and(name, value);
  }

  /** Adds a parameter; a null value is left out, so optional filters need no branch. */
  public Query and(String name, Object value) {
    return add(name, value, false);
  }

  /** Adds a parameter whose value must never be shown (a password or a token sent in the URL). */
  public Query secret(String name, Object value) {
    return add(name, value, true);
  }

  /** Adds another query's parameters after these, secrets staying secret. */
  public Query and(Query more) {
    parameters.addAll(more.parameters);
    return this;
  }

  /** A copy with more parameters, e.g. one page of a listing. */
  public Query with(String name, Object value) {
    Query copy = new Query();
    copy.parameters.addAll(parameters);
    return copy.and(name, value);
  }

  private Query add(String name, Object value, boolean secret) {
    if (value != null) {
      parameters.add(new Parameter(name, String.valueOf(value), secret));
    }
    return this;
  }

  boolean isEmpty() {
    return parameters.isEmpty();
  }

  /** The secret values, as given and as they appear encoded in a URL. */
  List<String> secretValues() {
    List<String> values = new ArrayList<>();
    for (Parameter parameter : parameters) {
      if (parameter.secret()) {
        values.add(parameter.value());
        values.add(URLEncoder.encode(parameter.value(), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  String encoded() {
    StringBuilder text = new StringBuilder();
    for (Parameter parameter : parameters) {
      if (!text.isEmpty()) {
        text.append('&');
      }
      text.append(URLEncoder.encode(parameter.name(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(parameter.value(), StandardCharsets.UTF_8));
    }
    return text.toString();
  }
}
