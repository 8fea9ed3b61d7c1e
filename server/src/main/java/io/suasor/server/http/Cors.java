package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access for the configured origins, such as a separately served web client.
 *
 * <p>Javalin's bundled CORS plugin answers 400 to any request whose {@code Origin} is not listed,
 * and browsers send an {@code Origin} with same-origin module scripts and POSTs too, so it refused
 * the dashboard this server serves itself. Here a request from an unlisted origin simply gets no
 * CORS headers, and the browser's same-origin rule decides, as it should.
 */
final class Cors {
  private static final String EXPOSED = "Location, X-Request-Id";

  private final Set<String> origins;

  Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  void register(RoutesConfig routes) {
    routes.before(this::allow);
    routes.after(this::answerPreflight);
  }

  private void allow(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", "Origin");
    ctx.header("Access-Control-Expose-Headers", EXPOSED);
    if (isPreflight(ctx)) {
      ctx.header("Access-Control-Allow-Methods", ctx.header("Access-Control-Request-Method"));
      String headers = ctx.header("Access-Control-Request-Headers");
      if (headers != null) {
        ctx.header("Access-Control-Allow-Headers", headers);
      }
    }
  }

  /** A preflight has no route of its own; it is answered once the headers are set. */
  private void answerPreflight(Context ctx) {
    String origin = ctx.header("Origin");
    if (isPreflight(ctx) && origin != null && origins.contains(origin)) {
      ctx.status(200).result("");
    }
  }

  private static boolean isPreflight(Context ctx) {
    return ctx.method().equals(HandlerType.OPTIONS)
        && ctx.header("Access-Control-Request-Method") != null;
  }
}
