package io.suasor.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.suasor.media.model.ActivityProfile;
import io.suasor.media.store.ActivityProfileStore;
import java.time.Instant;
import java.util.Optional;

/** The caller's own activity profile, as the weekly activity analysis last computed it. */
final class ActivityRoutes {
  private final ActivityProfileStore profiles;
  private final Json json;

  ActivityRoutes(ActivityProfileStore profiles, Json json) {
    this.profiles = profiles;
    this.json = json;
  }

  /** A stored profile with its document as JSON rather than as text. */
  record ActivityAnswer(long userId, Instant computedAt, long playsCounted, JsonNode profile) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/users/me/activity", this::activity);
  }

  private void activity(Context ctx) {
    long userId = Requests.user(ctx).id();
    Optional<ActivityProfile> stored = profiles.get(userId);
    if (stored.isEmpty()) {
      ctx.json(
          Envelope.ok(
              "your activity has not been analysed yet: the weekly activity analysis computes it,"
                  + " or run system.user.activity.analysis yourself",
              null));
      return;
    }
    ActivityProfile profile = stored.get();
    ctx.json(
        Envelope.ok(
            "your activity profile",
            new ActivityAnswer(
                profile.userId(),
                profile.computedAt(),
                profile.playsCounted(),
                document(profile))));
  }

  private JsonNode document(ActivityProfile profile) {
    try {
      return json.mapper().readTree(profile.profile());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the stored activity profile of user " + profile.userId() + " is not JSON", e);
    }
  }
}
