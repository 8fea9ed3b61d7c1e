package io.suasor.media.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who played what, the neighbours it finds and the lift it gives, on hand-counted plays. */
class CoPlaysTest {
  // Users 10, 20, 30, 40, 50 (numbers 0–4); candidates 0–4. Users 10 and 20 played 0 and 1,
  // user 30 played 0 and 2, users 40 and 50 played 3, user 50 also 4.
  private static final long[] USERS = {10, 20, 30, 40, 50};
  private static final int[] CANDIDATES = {0, 1, 0, 1, 0, 2, 3, 3, 4};
  private static final int[] PLAYERS = {0, 0, 1, 1, 2, 2, 3, 4, 4};

  private final CoPlays coPlays = CoPlays.of(5, USERS, CANDIDATES, PLAYERS, CANDIDATES.length);

  @Test
  void countsPlayersAndWhoPlayedBoth() {
    assertThat(coPlays.users()).isEqualTo(5);
    assertThat(coPlays.players(0)).isEqualTo(3);
    assertThat(coPlays.players(3)).isEqualTo(2);
    assertThat(coPlays.playedBoth(0, 1)).isEqualTo(2);
    assertThat(coPlays.playedBoth(0, 2)).isEqualTo(1);
    assertThat(coPlays.playedBoth(0, 3)).isZero();
  }

  @Test
  void aBuilderNumbersUsersAsTheyComeInIdOrder() {
    CoPlays.Builder builder = new CoPlays.Builder();
    for (int p = 0; p < CANDIDATES.length; p++) {
      builder.add(CANDIDATES[p], USERS[PLAYERS[p]]);
    }
    CoPlays built = builder.build(5);

    assertThat(built.users()).isEqualTo(5);
    assertThat(built.players(0)).isEqualTo(3);
    assertThat(built.playedBoth(0, 1)).isEqualTo(2);
    assertThat(built.playedBoth(3, 4)).isEqualTo(1);
  }

  @Test
  void theNeighboursOfAUserAreTheOtherPlayersOfWhatTheyLikedNeverThemselves() {
    // User 10 liked candidate 0: their neighbours are users 20 and 30, equally close.
    coPlays.gather(10, new int[] {0}, new double[] {1});

    assertThat(shared()).containsExactlyInAnyOrder(0, 1, 2);
    // One of the two neighbours played candidate 1, as 2 of the library's 5 users did: their
    // half, smoothed by five neighbours' worth of the library's share.
    double overall1 = (2 + 0.5) / 6;
    double among1 = (0.5 * 2 + CoPlays.NEIGHBOUR_SMOOTHING * overall1) / (2 + 5);
    assertThat(coPlays.neighbourLift(1)).isCloseTo(Math.log(among1 / overall1), within());
    assertThat(coPlays.neighbourLift(1)).isPositive();
    // Nobody near user 10 played candidate 3.
    assertThat(coPlays.neighbourLift(3)).isNegative();
  }

  @Test
  void aTitleHeldOutOfATasteIsLiftedAsBeforeTheUserPlayedIt() {
    // User 10 played candidates 0 and 1; with candidate 1 held out of their taste, the library
    // counts its other player only (user 20), and user 20 is half of user 10's neighbours.
    coPlays.gather(10, new int[] {0}, new double[] {1});

    double overall1 = (1 + 0.5) / 6;
    double among1 = (0.5 * 2 + CoPlays.NEIGHBOUR_SMOOTHING * overall1) / (2 + 5);
    assertThat(coPlays.neighbourLift(1, true)).isCloseTo(Math.log(among1 / overall1), within());
    assertThat(coPlays.neighbourLift(1, true)).isGreaterThan(coPlays.neighbourLift(1));
  }

  @Test
  void aUserWhoseTitlesNobodyElsePlayedHasNoNeighbours() {
    coPlays.gather(50, new int[] {4}, new double[] {1});

    assertThat(shared()).isEmpty();
    assertThat(coPlays.neighbourLift(0)).isZero();
    assertThat(coPlays.neighbourLift(4)).isZero();
  }

  @Test
  void eachGatheringReplacesTheLastUsers() {
    coPlays.gather(10, new int[] {0}, new double[] {1});
    coPlays.gather(40, new int[] {3}, new double[] {1});

    // User 40's one neighbour, user 50, played 3 and 4; nothing of user 10's is left.
    assertThat(shared()).containsExactlyInAnyOrder(3, 4);
    assertThat(coPlays.neighbourLift(1)).isNegative();
    assertThat(coPlays.neighbourLift(4)).isPositive();
  }

  private java.util.List<Integer> shared() {
    java.util.List<Integer> shared = new java.util.ArrayList<>();
    for (int i = 0; i < coPlays.sharedCount(); i++) {
      shared.add(coPlays.sharedCandidate(i));
    }
    return shared;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
