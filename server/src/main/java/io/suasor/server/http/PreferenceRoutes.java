package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.MediaType;
import io.suasor.server.auth.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The caller's own job preferences: which user jobs run for them, the recommender they chose, its
 * limits and genres. The recommender's key is accepted and stored sealed, and never answered: the
 * preferences say only whether there is one.
 */
final class PreferenceRoutes {
  private final UserJobStores stores;
  private final Json json;
  private final Clock clock;

  PreferenceRoutes(UserJobStores stores, Json json, Clock clock) {
    this.stores = stores;
    this.json = json;
    this.clock = clock;
  }

  /** Job preferences as the API answers them. */
  record PreferencesView(
      long userId,
      String timeZone,
      boolean analysisEnabled,
      boolean recommendationsEnabled,
      String recommender,
      String recommenderUrl,
      String recommenderModel,
      boolean hasRecommenderKey,
      int maxRecommendations,
      boolean notificationsEnabled,
      int maxNotificationsPerDay,
      List<String> mediaTypes,
      Double minRating,
      List<String> preferredGenres,
      List<String> excludedGenres,
      Instant updatedAt) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/users/me/preferences", this::read);
    routes.put("/api/v1/users/me/preferences", this::change);
  }

  private void read(Context ctx) {
    User user = Requests.user(ctx);
    ctx.json(Envelope.ok("your job preferences", view(current(user))));
  }

  private void change(Context ctx) {
    User user = Requests.user(ctx);
    PreferencesChange change = PreferencesChange.of(json.read(ctx.body(), JsonNode.class));
    JobPreferences changed = change.applyTo(current(user), clock.instant());
    Optional<Optional<String>> key = change.recommenderKey();
    stores.preferences().savePreferences(changed);
    key.ifPresent(newKey -> stores.recommenderKeys().set(user.id(), newKey.orElse(null)));
    ctx.json(Envelope.ok("your job preferences were saved", view(current(user))));
  }

  private JobPreferences current(User user) {
    return stores.preferences().preferences(user.id(), clock.instant());
  }

  private PreferencesView view(JobPreferences p) {
    return new PreferencesView(
        p.userId(),
        p.timeZone().getId(),
        p.analysisEnabled(),
        p.recommendationsEnabled(),
        p.recommender().value(),
        p.recommenderUrl(),
        p.recommenderModel(),
        stores.recommenderKeys().has(p.userId()),
        p.maxRecommendations(),
        p.notificationsEnabled(),
        p.maxNotificationsPerDay(),
        p.mediaTypes().stream().map(MediaType::value).toList(),
        p.minRating(),
        p.preferredGenres(),
        p.excludedGenres(),
        p.updatedAt());
  }
}
