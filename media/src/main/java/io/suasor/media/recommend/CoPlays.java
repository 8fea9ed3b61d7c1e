package io.suasor.media.recommend;

import java.util.Arrays;

/**
 * Who played what in the library, for collaborative filtering: each candidate's players and each
 * player's candidates, as compact arrays (users are numbered 0..users-1 in the order met). It finds
 * a user's neighbours, the other users who played the titles they liked (a title few people played
 * says more than one everybody played), and how popular each candidate is among them against the
 * whole library: "people who watched what you watched also watched this". Its work arrays are
 * reused from user to user, so one instance serves one run on one thread.
 */
final class CoPlays {
  /**
   * How many neighbours' worth of the library's own popularity a candidate's share among the
   * neighbours is mixed with, so that a handful of neighbours does not decide alone.
   */
  static final double NEIGHBOUR_SMOOTHING = 5;

  /** The players of each candidate (user numbers), ascending. */
  private final int[][] players;

  /** The candidates each user played, ascending. */
  private final int[][] titles;

  /** The user id of each user number, ascending: numbers are given in id order. */
  private final long[] userIds;

  private final double[] closeness;
  private final int[] neighbours;
  private int neighbourCount;
  private final double[] share;
  private final int[] shared;
  private int sharedCount;
  private double closenessTotal;
  private double effectiveNeighbours;

  private CoPlays(int[][] players, int[][] titles, long[] userIds) {
    this.userIds = userIds;
    this.players = players;
    this.titles = titles;
    this.closeness = new double[titles.length];
    this.neighbours = new int[titles.length];
    this.share = new double[players.length];
    this.shared = new int[players.length];
  }

  /**
   * From (candidate, user number) pairs, each pair once; {@code userIds} holds each number's user
   * id, ascending.
   */
  static CoPlays of(
      int candidates, long[] userIds, int[] pairCandidates, int[] pairUsers, int pairs) {
    int users = userIds.length;
    int[] perCandidate = new int[candidates];
    int[] perUser = new int[users];
    for (int p = 0; p < pairs; p++) {
      perCandidate[pairCandidates[p]]++;
      perUser[pairUsers[p]]++;
    }
    int[][] players = new int[candidates][];
    for (int c = 0; c < candidates; c++) {
      players[c] = new int[perCandidate[c]];
    }
    int[][] titles = new int[users][];
    for (int u = 0; u < users; u++) {
      titles[u] = new int[perUser[u]];
    }
    Arrays.fill(perCandidate, 0);
    Arrays.fill(perUser, 0);
    for (int p = 0; p < pairs; p++) {
      int c = pairCandidates[p];
      int u = pairUsers[p];
      players[c][perCandidate[c]++] = u;
      titles[u][perUser[u]++] = c;
    }
    for (int[] list : players) {
      Arrays.sort(list);
    }
    for (int[] list : titles) {
      Arrays.sort(list);
    }
    return new CoPlays(players, titles, userIds);
  }

  /** Collects (candidate, user) pairs as they are read, each once, in user id order. */
  static final class Builder {
    private long[] userIds = new long[64];
    private int users;
    private int[] pairCandidates = new int[1024];
    private int[] pairUsers = new int[1024];
    private int pairs;

    void add(int candidate, long userId) {
      if (users == 0 || userIds[users - 1] != userId) {
        if (users == userIds.length) {
          userIds = Arrays.copyOf(userIds, users * 2);
        }
        userIds[users++] = userId;
      }
      if (pairs == pairCandidates.length) {
        pairCandidates = Arrays.copyOf(pairCandidates, pairs * 2);
        pairUsers = Arrays.copyOf(pairUsers, pairs * 2);
      }
      pairCandidates[pairs] = candidate;
      pairUsers[pairs++] = users - 1;
    }

    CoPlays build(int candidates) {
      return of(candidates, Arrays.copyOf(userIds, users), pairCandidates, pairUsers, pairs);
    }
  }

  int users() {
    return titles.length;
  }

  /** How many candidates the user played, 0 for a user who played none. */
  int titlesOf(long userId) {
    int user = Arrays.binarySearch(userIds, userId);
    return user >= 0 ? titles[user].length : 0;
  }

  /** How many users played the candidate. */
  int players(int candidate) {
    return players[candidate].length;
  }

  /**
   * Weighs the neighbours of a user who liked {@code liked} (with {@code weights}): every other
   * player of a liked title is close by that title's weight, the more so the fewer people played
   * it; then spreads each neighbour's closeness over the titles they played. Replaces the last
   * user's.
   */
  void gather(long userId, int[] liked, double[] weights) {
    for (int i = 0; i < neighbourCount; i++) {
      closeness[neighbours[i]] = 0;
    }
    for (int i = 0; i < sharedCount; i++) {
      share[shared[i]] = 0;
    }
    neighbourCount = 0;
    sharedCount = 0;
    closenessTotal = 0;
    effectiveNeighbours = 0;
    int self = Arrays.binarySearch(userIds, userId);
    int users = users();
    for (int i = 0; i < liked.length; i++) {
      int[] who = players[liked[i]];
      if (who.length < 2) {
        continue;
      }
      // Inverse user frequency: sharing a title few people played says more.
      double rarity = weights[i] * Math.log((double) users / who.length);
      if (rarity <= 0) {
        continue;
      }
      for (int u : who) {
        if (u == self) {
          continue;
        }
        if (closeness[u] == 0) {
          neighbours[neighbourCount++] = u;
        }
        closeness[u] += rarity;
      }
    }
    double squares = 0;
    for (int n = 0; n < neighbourCount; n++) {
      int u = neighbours[n];
      double weight = closeness[u];
      closenessTotal += weight;
      squares += weight * weight;
      for (int c : titles[u]) {
        if (share[c] == 0) {
          shared[sharedCount++] = c;
        }
        share[c] += weight;
      }
    }
    // How many equally close neighbours the weights are worth.
    effectiveNeighbours = squares > 0 ? closenessTotal * closenessTotal / squares : 0;
  }

  /** How many candidates the neighbours played; {@link #sharedCandidate} lists them. */
  int sharedCount() {
    return sharedCount;
  }

  int sharedCandidate(int i) {
    return shared[i];
  }

  /**
   * The log of how much more the gathered user's neighbours played the candidate than the whole
   * library did: 0 without neighbours, above 0 for a title popular among them.
   */
  double neighbourLift(int candidate) {
    return neighbourLift(candidate, false);
  }

  /**
   * As {@link #neighbourLift(int)}; with {@code ownPlay}, the gathered user's own play of the
   * candidate is taken out of the library's count: for a title held out of their taste, scored as
   * before they played it.
   */
  double neighbourLift(int candidate, boolean ownPlay) {
    if (closenessTotal == 0) {
      return 0;
    }
    int played = players[candidate].length - (ownPlay ? 1 : 0);
    double overall = (played + 0.5) / (users() + 1.0);
    double amongNeighbours =
        (share[candidate] / closenessTotal * effectiveNeighbours + NEIGHBOUR_SMOOTHING * overall)
            / (effectiveNeighbours + NEIGHBOUR_SMOOTHING);
    return Math.log(amongNeighbours / overall);
  }

  /** How many users played both candidates (the player lists are sorted). */
  int playedBoth(int a, int b) {
    int[] x = players[a];
    int[] y = players[b];
    int i = 0;
    int j = 0;
    int both = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        both++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return both;
  }
}
