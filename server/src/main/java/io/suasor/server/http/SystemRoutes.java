package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness, readiness, Prometheus metrics and the OpenAPI document; none needs an API token, and
 * metrics need the metrics token when one is set.
 */
final class SystemRoutes {
  private static final Logger log = LoggerFactory.getLogger(SystemRoutes.class);
  private final Database database;
  private final PrometheusMeterRegistry metrics;
  private final String openApi;
  private final Optional<byte[]> metricsToken;

  SystemRoutes(
      Database database,
      PrometheusMeterRegistry metrics,
      String openApi,
      Optional<String> metricsToken) {
    this.database = database;
    this.metrics = metrics;
    this.openApi = openApi;
    this.metricsToken = metricsToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  void register(RoutesConfig routes) {
    routes.get("/health", ctx -> ctx.json(Envelope.ok("alive", Map.of("status", "up"))));
    routes.get("/health/ready", this::ready);
    routes.get(
        "/metrics",
        ctx -> {
          checkMetricsToken(ctx);
          ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
    routes.get(HttpServer.OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi));
  }

  private void checkMetricsToken(Context ctx) {
    if (metricsToken.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    byte[] given =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8)
            : new byte[0];
    // A comparison in constant time: how long it takes says nothing of the token.
    if (!MessageDigest.isEqual(given, metricsToken.get())) {
      throw ApiException.unauthorized(
          "/metrics needs the metrics token (the setting metrics.token): send the header"
              + " Authorization: Bearer <metrics token>");
    }
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
