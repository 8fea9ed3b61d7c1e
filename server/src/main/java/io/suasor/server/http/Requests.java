package io.suasor.server.http;

import io.javalin.http.Context;
import io.suasor.server.auth.User;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading and checking the parts of a request: the caller, path ids and query parameters. */
final class Requests {
  static final String USER = "suasor.user";
  static final String REQUEST_ID = "suasor.requestId";

  /** The caller's token as sent, kept for the event stream, which checks it again while open. */
  static final String TOKEN = "suasor.token";

  private Requests() {}

  /** The authenticated caller; the auth filter guarantees one on every API route. */
  static User user(Context ctx) {
    User user = ctx.attribute(USER);
    if (user == null) {
      throw ApiException.unauthorized("send a token as the header Authorization: Bearer <token>");
    }
    return user;
  }

  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    return id == null ? "none" : id;
  }

  /** A positive whole-number id from the path. */
  static long id(Context ctx, String name) {
    String text = ctx.pathParam(name);
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below with the value that was sent
    }
    throw ApiException.invalid(name, name + " must be a positive whole number, was '" + text + "'");
  }

  /** A whole-number query parameter within bounds, or the default when absent. */
  static int intQuery(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the value that was sent
    }
    throw ApiException.invalid(
        name, name + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
  }

  static Optional<Long> longQuery(Context ctx, String... names) {
    for (String name : names) {
      String text = ctx.queryParam(name);
      if (text != null && !text.isBlank()) {
        try {
          long value = Long.parseLong(text.trim());
          if (value > 0) {
            return Optional.of(value);
          }
        } catch (NumberFormatException e) {
          // reported below with the value that was sent
        }
        throw ApiException.invalid(
            name, name + " must be a positive whole number, was '" + text + "'");
      }
    }
    return Optional.empty();
  }

  static Optional<Instant> instantQuery(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          name,
          name
              + " must be an ISO-8601 date-time with an offset such as 2024-05-01T03:00:00Z, was '"
              + text
              + "'");
    }
  }

  static Optional<String> textQuery(Context ctx, String name) {
    String text = ctx.queryParam(name);
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  static void requireAdmin(User user, String action) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden("only an admin may " + action);
    }
  }
}
