package io.suasor.server.http;

import io.suasor.server.ServerException;
import java.util.Map;

/** A request the API refuses, with the status and error type it answers. */
public class ApiException extends ServerException {
  private final int status;
  private final String type;
  private final Map<String, Object> details;

  public ApiException(int status, String type, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    this.type = type;
    this.details = Map.copyOf(details);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BAD_REQUEST", message, Map.of());
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "VALIDATION_ERROR", message, Map.of("field", field));
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "UNAUTHORIZED", message, Map.of());
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "FORBIDDEN", message, Map.of());
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "NOT_FOUND", message, Map.of());
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "CONFLICT", message, Map.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public Map<String, Object> details() {
    return details;
  }
}
