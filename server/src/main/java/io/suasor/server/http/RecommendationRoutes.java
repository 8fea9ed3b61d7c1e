package io.suasor.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.media.model.Recommendation;
import io.suasor.media.store.RecommendationStore;
import io.suasor.server.auth.User;
import java.time.Clock;
import java.util.List;

/**
 * The original's recommendation routes, on the caller's own recommendations only: another user's is
 * not found, whoever asks (an admin included), so that nobody learns which ids exist.
 */
final class RecommendationRoutes {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final RecommendationStore recommendations;
  private final Json json;
  private final Clock clock;

  RecommendationRoutes(RecommendationStore recommendations, Json json, Clock clock) {
    this.recommendations = recommendations;
    this.json = json;
    this.clock = clock;
  }

  record ViewedChange(Boolean viewed) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/jobs/recommendations", this::list);
    routes.post("/api/v1/jobs/recommendations/{id}/dismiss", this::dismiss);
    routes.put("/api/v1/jobs/recommendations/{id}/viewed", this::viewed);
  }

  private void list(Context ctx) {
    User user = Requests.user(ctx);
    boolean activeOnly = active(ctx);
    int limit = Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    List<RecommendationView> list =
        recommendations.byUser(user.id(), activeOnly, clock.instant(), limit).stream()
            .map(RecommendationView::of)
            .toList();
    ctx.json(
        Envelope.ok(
            list.size() + (activeOnly ? " active recommendations" : " recommendations"), list));
  }

  private void dismiss(Context ctx) {
    User user = Requests.user(ctx);
    long id = Requests.id(ctx, "id");
    owned(id, user);
    recommendations.dismiss(id, user.id());
    ctx.json(Envelope.ok("recommendation " + id + " dismissed", view(id, user)));
  }

  private void viewed(Context ctx) {
    User user = Requests.user(ctx);
    long id = Requests.id(ctx, "id");
    ViewedChange change = json.read(ctx.body(), ViewedChange.class);
    if (change.viewed() == null) {
      throw ApiException.invalid("viewed", "viewed is required: true or false");
    }
    owned(id, user);
    recommendations.markViewed(id, user.id(), change.viewed());
    ctx.json(
        Envelope.ok(
            "recommendation " + id + (change.viewed() ? " viewed" : " not viewed"),
            view(id, user)));
  }

  private Recommendation owned(long id, User user) {
    return recommendations
        .byId(id, user.id())
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "you have no recommendation "
                        + id
                        + "; list yours at"
                        + " GET /api/v1/jobs/recommendations"));
  }

  private RecommendationView view(long id, User user) {
    return RecommendationView.of(owned(id, user));
  }

  private static boolean active(Context ctx) {
    String text = ctx.queryParam("active");
    if (text == null || text.isBlank()) {
      return true;
    }
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ApiException.invalid(
              "active",
              "active must be true (only current recommendations) or false (all, with dismissed"
                  + " and expired ones), was '"
                  + text
                  + "'");
    };
  }
}
