package io.suasor.media.recommend;

import java.util.List;

/**
 * What a recommendation run did.
 *
 * @param users the users the run looked at
 * @param usersRecommended users who got at least one recommendation
 * @param usersSkipped users whose preferences turn recommendations off
 * @param usersWithoutMatches users for whom nothing in the library was left to recommend
 * @param recommendationsMade recommendations stored, over all users
 * @param fallbacks users whose chosen recommender failed, served by the built-in one instead
 * @param notes one line per fallback and per failed user, saying what happened
 * @param failures users whose recommendations could not be made, with why
 * @param tasteHalfLife how fast the run let plays stop counting in tastes, and why: fitted on the
 *     users' latest titles, or configured and why it was not fitted
 */
public record RecommendationReport(
    int users,
    int usersRecommended,
    int usersSkipped,
    int usersWithoutMatches,
    long recommendationsMade,
    int fallbacks,
    List<String> notes,
    List<String> failures,
    String tasteHalfLife) {
  public RecommendationReport {
    notes = List.copyOf(notes);
    failures = List.copyOf(failures);
  }
}
