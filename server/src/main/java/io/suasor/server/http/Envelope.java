package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** The original API's response bodies: {@code {success, message, data}} and its error form. */
public final class Envelope {
  private Envelope() {}

  /**
   * A success; {@code data} is always there (null when there is nothing, e.g. no profile yet),
   * {@code pagination} only on paged lists.
   */
  public record Success(
      boolean success,
      String message,
      Object data,
      @JsonInclude(JsonInclude.Include.NON_NULL) Pagination pagination) {}

  /** Where the next page of a list starts; {@code nextCursor} is null on the last page. */
  public record Pagination(int limit, Long nextCursor) {}

  public record Failure(
      boolean success,
      String type,
      String message,
      int statusCode,
      Map<String, Object> details,
      Instant timestamp,
      @JsonProperty("request_id") String requestId) {}

  public static Success ok(String message, Object data) {
    return new Success(true, message, data, null);
  }

  public static Success page(String message, Object data, Pagination pagination) {
    return new Success(true, message, data, pagination);
  }
}
