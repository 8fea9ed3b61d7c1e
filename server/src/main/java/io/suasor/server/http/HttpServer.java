package io.suasor.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.suasor.jobs.service.JobService;
import io.suasor.jobs.store.Database;
import io.suasor.media.source.SourceClients;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.TokenStore;
import io.suasor.media.store.UserStore;
import io.suasor.server.auth.User;
import io.suasor.server.config.ServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the job API, media sync and sources, accounts, live events, health, metrics, the
 * OpenAPI document and the dashboard's static files, with authentication, CORS, body limits and the
 * error envelope around them.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
  static final String EVENTS_PATH = "/api/v1/jobs/events";
  static final String OPENAPI_PATH = "/api/openapi.json";
  static final String DASHBOARD_DIRECTORY = "/dashboard";

  /** The dashboard loads nothing from elsewhere, and this keeps it so. */
  private static final String DASHBOARD_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  /** What API answers (JSON, text) may do in a browser that opens them: nothing. */
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  /**
   * Headers every answer carries: no content-type sniffing (a JSON error quoting a request must not
   * be taken for a page), and no address leaked to other sites.
   */
  private static final Map<String, String> EVERY_ANSWER =
      Map.of("X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer");

  /** Statuses Javalin may answer by itself, with plain text, instead of through {@link #fail}. */
  private static final int[] JAVALIN_ERRORS = {400, 404, 405, 413, 500, 503};

  private static final String ANSWERED = "suasor.answered";

  private static final Set<HandlerType> ROUTE_METHODS =
      Set.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.DELETE,
          HandlerType.PATCH);

  /** What the server serves. */
  public record Parts(
      ServerConfig config,
      Database database,
      JobService jobs,
      UserStore users,
      TokenStore tokens,
      SourceStore sources,
      SourceClients sourceChecks,
      UserJobStores userJobs,
      EventStream events,
      PrometheusMeterRegistry metrics,
      Json json,
      Clock clock) {}

  /** A registered route, as {@code GET /api/v1/jobs/runs/{id}}. */
  public record Route(String method, String path) {}

  private final Parts parts;
  private final List<Route> routes = new ArrayList<>();
  private final Javalin app;

  public HttpServer(Parts parts) {
    this.parts = parts;
    this.app = Javalin.create(this::configure);
  }

  private void configure(JavalinConfig config) {
    ServerConfig settings = parts.config();
    config.jsonMapper(parts.json());
    config.http.maxRequestSize = settings.maxRequestBytes();
    config.startup.showJavalinBanner = false;
    if (!settings.web().basePath().isEmpty()) {
      config.router.contextPath = settings.web().basePath();
    }
    config.events.handlerAdded(
        info -> {
          if (ROUTE_METHODS.contains(info.getHttpMethod())) {
            routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
          }
        });
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = DASHBOARD_DIRECTORY;
          files.location = Location.CLASSPATH;
          Map<String, String> headers = new java.util.HashMap<>(EVERY_ANSWER);
          headers.put("Content-Security-Policy", DASHBOARD_POLICY);
          files.headers = headers;
        });
    config.routes.before(this::identifyRequest);
    new Cors(settings.corsOrigins()).register(config.routes);
    config.routes.before("/api/*", this::authenticate);
    config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, e));
    for (int status : JAVALIN_ERRORS) {
      config.routes.error(status, this::unanswered);
    }

    // Before RunRoutes, whose POST /api/v1/jobs/{name}/run would also match media-sync/run.
    MediaSyncSchedules mediaSyncSchedules = new MediaSyncSchedules(parts.jobs());
    new MediaSyncRoutes(parts.jobs(), parts.sources(), mediaSyncSchedules, parts.json())
        .register(config.routes);
    new RunRoutes(parts.jobs(), parts.json()).register(config.routes);
    new ScheduleRoutes(parts.jobs(), parts.json(), parts.clock()).register(config.routes);
    new AccountRoutes(parts.users(), parts.tokens(), parts.json(), parts.clock())
        .register(config.routes);
    new ActivityRoutes(new ActivityProfileStore(parts.database()), parts.json())
        .register(config.routes);
    new SourceRoutes(
            new SourceRoutes.Parts(
                parts.sources(),
                parts.sourceChecks(),
                mediaSyncSchedules,
                parts.users(),
                parts.json(),
                parts.clock()))
        .register(config.routes);
    new RecommendationRoutes(parts.userJobs().recommendations(), parts.json(), parts.clock())
        .register(config.routes);
    new PreferenceRoutes(parts.userJobs(), parts.json(), parts.clock()).register(config.routes);
    new CollectionRoutes(parts.database(), parts.json(), parts.clock()).register(config.routes);
    new NotificationRoutes(parts.userJobs().notifications(), parts.clock()).register(config.routes);
    config.routes.sse(EVENTS_PATH, parts.events()::subscribe);
    new SystemRoutes(
            parts.database(), parts.metrics(), openApiDocument(), settings.web().metricsToken())
        .register(config.routes);
  }

  private void identifyRequest(Context ctx) {
    String id = UUID.randomUUID().toString();
    ctx.attribute(Requests.REQUEST_ID, id);
    ctx.header("X-Request-Id", id);
    EVERY_ANSWER.forEach(ctx::header);
    // The dashboard's files get their own policy from the static file handler.
    ctx.header("Content-Security-Policy", API_POLICY);
    long limit = parts.config().maxRequestBytes();
    if (ctx.contentLength() > limit) {
      discardBody(ctx, limit);
      throw ErrorMapper.tooLarge(limit);
    }
  }

  /**
   * Reads and drops a too-large body, up to a bound, before answering 413: a server that answers
   * and closes while the client is still sending makes many clients see a reset connection instead
   * of the answer. A body past the bound is not read; the connection is closed then.
   */
  private static void discardBody(Context ctx, long limit) {
    long left = Math.min(ctx.contentLength(), Math.max(limit * 16, 1 << 20));
    byte[] buffer = new byte[8192];
    try (java.io.InputStream body = ctx.req().getInputStream()) {
      int read;
      while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= read;
      }
    } catch (java.io.IOException e) {
      // The client gave up sending; the 413 goes out all the same.
    }
  }

  private void authenticate(Context ctx) {
    if (ctx.method().equals(HandlerType.OPTIONS)
        || ctx.path().equals(parts.config().web().basePath() + OPENAPI_PATH)) {
      return;
    }
    String header = ctx.header("Authorization");
    String token = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = header.substring(7).trim();
    }
    if (token == null || token.isEmpty()) {
      throw ApiException.unauthorized(
          "this route needs a token: send the header Authorization: Bearer <token>");
    }
    Optional<User> user = parts.tokens().authenticate(token, parts.clock().instant()).map(User::of);
    if (user.isEmpty()) {
      throw ApiException.unauthorized(
          "the token is unknown, revoked, or its user is deactivated; ask an admin for a new one");
    }
    ctx.attribute(Requests.USER, user.get());
    ctx.attribute(Requests.TOKEN, token);
  }

  private void fail(Context ctx, Exception e) {
    if (ctx.attribute(ANSWERED) != null || ctx.res().isCommitted()) {
      // Failing while answering, or after the answer began (a stream): there is nothing left to
      // send, and answering again would only fail again.
      log.warn("request {} failed after its answer began", Requests.requestId(ctx), e);
      return;
    }
    ApiException error = ErrorMapper.map(e, Requests.requestId(ctx));
    ctx.attribute(ANSWERED, true);
    ctx.status(error.status())
        .json(
            new Envelope.Failure(
                false,
                error.type(),
                error.getMessage(),
                error.status(),
                error.details(),
                parts.clock().instant(),
                Requests.requestId(ctx)));
  }

  /** An error status that Javalin set without our envelope: an unknown route, a body too large. */
  private void unanswered(Context ctx) {
    if (ctx.attribute(ANSWERED) == null) {
      int status = ctx.statusCode();
      fail(
          ctx,
          switch (status) {
            case 404 ->
                ApiException.notFound(
                    "there is no route "
                        + ctx.method()
                        + " "
                        + ctx.path()
                        + "; see "
                        + OPENAPI_PATH);
            case 413 -> ErrorMapper.tooLarge(parts.config().maxRequestBytes());
            default ->
                new ApiException(
                    status,
                    status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST",
                    ctx.result() == null ? "the request failed" : ctx.result(),
                    java.util.Map.of());
          });
    }
  }

  private static String openApiDocument() {
    try (InputStream in = HttpServer.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the server's resources");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read openapi.json", e);
    }
  }

  public HttpServer start() {
    app.start(parts.config().httpHost(), parts.config().httpPort());
    log.info("HTTP server listening on http://{}:{}", parts.config().httpHost(), port());
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Every route registered, for the OpenAPI check. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  @Override
  public void close() {
    app.stop();
  }
}
