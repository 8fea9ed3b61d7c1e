package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Liveness, readiness, Prometheus metrics and the OpenAPI document; none needs a token. */
final class SystemRoutes {
  private static final Logger log = LoggerFactory.getLogger(SystemRoutes.class);
  private final Database database;
  private final PrometheusMeterRegistry metrics;
  private final String openApi;

  SystemRoutes(Database database, PrometheusMeterRegistry metrics, String openApi) {
    this.database = database;
    this.metrics = metrics;
    this.openApi = openApi;
  }

  void register(RoutesConfig routes) {
    routes.get("/health", ctx -> ctx.json(Envelope.ok("alive", Map.of("status", "up"))));
    routes.get("/health/ready", this::ready);
    routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    routes.get(HttpServer.OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi));
  }

  /**
   * Whether the database answers. The reply never names the database or quotes its error (either
   * may carry a host, a user or a path, and this route needs no token); the log has both.
   */
  private void ready(Context ctx) {
    try {
      database.read(
          "check readiness", c -> Jdbc.queryOne(c, "SELECT 1 AS one", r -> r.getInt("one")));
    } catch (RuntimeException e) {
      log.warn("not ready: the database ({}) does not answer", database, e);
      throw new ApiException(
          503,
          "UNAVAILABLE",
          "the database does not answer; the server's log says why",
          Map.of("database", "down"));
    }
    ctx.json(Envelope.ok("ready", Map.of("status", "up", "database", "up")));
  }
}
