package io.suasor.server.http;

import io.suasor.jobs.store.Database;
import io.suasor.media.store.NotificationStore;
import io.suasor.media.store.RecommendationStore;
import io.suasor.media.store.RecommenderKeys;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.UserStore;

/**
 * What the routes of the user jobs' results and settings read and change: recommendations, job
 * preferences, notifications, and the recommender keys (sealed by the server's secret box, never
 * answered).
 */
public record UserJobStores(
    RecommendationStore recommendations,
    UserStore preferences,
    RecommenderKeys recommenderKeys,
    NotificationStore notifications) {
  public static UserJobStores over(Database database, SecretBox box) {
    return new UserJobStores(
        new RecommendationStore(database),
        new UserStore(database),
        new RecommenderKeys(database, box),
        new NotificationStore(database));
  }
}
