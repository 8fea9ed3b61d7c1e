package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.media.MediaException;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.SourceType;
import io.suasor.media.source.SourceCheck;
import io.suasor.media.source.SourceClients;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.UserStore;
import io.suasor.server.auth.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Media sources under {@code /api/v1/sources}: their CRUD, and a test that connects to one now. A
 * user sees and changes only their own sources, an admin all. Secrets are accepted and stored, and
 * never answered: a source says only whether it has some.
 */
final class SourceRoutes {
  static final long MIN_SYNC_INTERVAL_SECONDS = 60;

  /** What the routes work with, besides the request. */
  record Parts(
      SourceStore sources,
      SourceClients clients,
      MediaSyncSchedules schedules,
      UserStore users,
      Json json,
      Clock clock) {}

  private final SourceStore sources;
  private final Parts parts;

  SourceRoutes(Parts parts) {
    this.sources = parts.sources();
    this.parts = parts;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/sources", this::list);
    routes.post("/api/v1/sources", this::create);
    routes.get("/api/v1/sources/{id}", ctx -> ctx.json(Envelope.ok("source", view(owned(ctx)))));
    routes.put("/api/v1/sources/{id}", this::update);
    routes.delete("/api/v1/sources/{id}", this::delete);
    routes.post("/api/v1/sources/{id}/test", this::test);
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    List<MediaSource> visible = user.isAdmin() ? sources.all() : sources.byUser(user.id());
    ctx.json(Envelope.ok(visible.size() + " sources", visible.stream().map(this::view).toList()));
  }

  private void create(Context ctx) {
    User user = Requests.user(ctx);
    SourceRequest request = parts.json().read(ctx.body(), SourceRequest.class);
    long owner = user.id();
    if (request.userId() != null && request.userId() != user.id()) {
      Requests.requireAdmin(user, "create a source for another user");
      owner = request.userId();
      if (parts.users().byId(owner).isEmpty()) {
        throw ApiException.invalid(
            "userId", "there is no user with id " + owner + "; create the user first");
      }
    }
    SourceType type = SourceConfigs.type(request.type());
    String name = name(request.name());
    String config = SourceConfigs.check(type, SourceRequest.objectText("config", request.config()));
    String secrets = SourceRequest.objectText("secrets", request.secrets());
    Duration interval =
        interval(request.syncIntervalSeconds(), SourceConfigs.DEFAULT_SYNC_INTERVAL_SECONDS);
    Instant now = parts.clock().instant();
    MediaSource created =
        sources.create(new NewSource(owner, type, name, config, secrets, interval), now);
    if (Boolean.FALSE.equals(request.enabled())) {
      sources.update(created.id(), name, config, null, false, interval, now);
      created = sources.byId(created.id()).orElseThrow();
    }
    ctx.status(201)
        .header("Location", "/api/v1/sources/" + created.id())
        .json(Envelope.ok("source created", view(created)));
  }

  private void update(Context ctx) {
    MediaSource current = owned(ctx);
    SourceRequest request = parts.json().read(ctx.body(), SourceRequest.class);
    if (request.type() != null && SourceConfigs.type(request.type()) != current.type()) {
      throw ApiException.invalid(
          "type",
          "a source's type cannot be changed (it is "
              + current.type().value()
              + "); create another source instead");
    }
    if (request.userId() != null && request.userId() != current.userId()) {
      throw ApiException.invalid("userId", "a source's owner cannot be changed; leave userId out");
    }
    String configText = SourceRequest.objectText("config", request.config());
    String config =
        configText == null ? current.config() : SourceConfigs.check(current.type(), configText);
    sources.update(
        current.id(),
        request.name() == null ? current.name() : name(request.name()),
        config,
        SourceRequest.objectText("secrets", request.secrets()),
        request.enabled() == null ? current.enabled() : request.enabled(),
        interval(request.syncIntervalSeconds(), current.syncInterval().toSeconds()),
        parts.clock().instant());
    ctx.json(Envelope.ok("source updated", view(sources.byId(current.id()).orElseThrow())));
  }

  private void delete(Context ctx) {
    MediaSource current = owned(ctx);
    SourceView answer = view(current);
    // Its schedules first, so that none fires for a source that is gone.
    int schedules = parts.schedules().deleteFor(current);
    sources.delete(current.id());
    String with =
        switch (schedules) {
          case 0 -> "";
          case 1 -> " with its media sync job";
          default -> " with its " + schedules + " media sync jobs";
        };
    ctx.json(Envelope.ok("source " + current.id() + " deleted" + with, answer));
  }

  /**
   * Connects to the source now. A source that cannot be used is still a 200: the test worked, and
   * its answer says what is wrong with the source.
   */
  private void test(Context ctx) {
    MediaSource source = owned(ctx);
    SourceTestResult answer;
    try {
      SourceCheck check = parts.clients().open(source).check();
      answer = SourceTestResult.passed(check, parts.clock().instant());
    } catch (MediaException e) {
      answer = SourceTestResult.failed(e, parts.clock().instant());
    }
    ctx.json(
        Envelope.ok(
            answer.ok()
                ? "source " + source.id() + " answered"
                : "source " + source.id() + " cannot be used: " + answer.error(),
            answer));
  }

  /** The source named in the path, if the caller may see it; others' sources are not found. */
  private MediaSource owned(Context ctx) {
    long id = Requests.id(ctx, "id");
    User user = Requests.user(ctx);
    return sources
        .byId(id)
        .filter(source -> user.isAdmin() || source.userId() == user.id())
        .orElseThrow(() -> ApiException.notFound("there is no source " + id));
  }

  private SourceView view(MediaSource source) {
    return SourceView.of(source, sources.hasSecrets(source.id()));
  }

  private static String name(String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalid("name", "name is required: what to call the source, e.g. Films");
    }
    return name.strip();
  }

  private static Duration interval(Long seconds, long fallback) {
    long value = seconds == null ? fallback : seconds;
    if (value < MIN_SYNC_INTERVAL_SECONDS) {
      throw ApiException.invalid(
          "syncIntervalSeconds",
          "syncIntervalSeconds must be at least "
              + MIN_SYNC_INTERVAL_SECONDS
              + " (how often the hourly media sync may sync this source), was "
              + value);
    }
    return Duration.ofSeconds(value);
  }
}
