package io.suasor.media.recommend;

import io.suasor.jobs.store.Database;
import io.suasor.media.model.JobPreferences;
import io.suasor.media.model.User;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.UserStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The library's own recent history as a test of the ranking: for a sample of users with enough
 * history, their latest titles are held out, their candidates scored part by part with the rest
 * ({@link CandidateScorer#parts}), and a {@link Blend} fitted to rank the held-out titles high
 * ({@link BlendFit}). Too few such users, and the hand-set blend stands.
 */
final class HeldOutPlays {
  /** How many users the fit samples at most; more adds time, hardly precision. */
  static final int SAMPLE = 1000;

  /** How many titles a user must have played to be sampled: a few are held out of them. */
  static final int MIN_TITLES = 10;

  /** How many of each sampled user's latest titles are held out. */
  static final int HELD_OUT = 5;

  /** How many sampled users a fit needs; with fewer, the hand-set blend stands. */
  static final int MIN_USERS = 30;

  /**
   * How many of a user's candidates each probing blend (the hand-set one, and each parameter at
   * either bound) keeps for the fit: the rest cannot come near a top ten within the bounds.
   */
  static final int KEPT_PER_PROBE = 100;

  /** The blend a run ranks with, and what the run's statistics say of it. */
  record Fitted(Blend blend, int users, String note) {}

  private final LibraryFeatures library;
  private final RecommenderSettings settings;
  private final Variety variety;
  private final TasteReader tastes;
  private final UserStore users;
  private final ActivityProfileStore profiles;
  private final CandidateScorer scorer;
  private final List<Blend> probes = new ArrayList<>();

  HeldOutPlays(
      Database database,
      LibraryFeatures library,
      TasteReader tastes,
      RecommenderSettings settings) {
    this.library = library;
    this.settings = settings;
    this.variety = new Variety(library, settings.maxGenreShare(), settings.maxPerArtist());
    this.tastes = tastes;
    this.users = new UserStore(database);
    this.profiles = new ActivityProfileStore(database);
    this.scorer = new CandidateScorer(library);
    probes.add(Blend.DEFAULT);
    for (int parameter = 0; parameter < Blend.PARAMETERS; parameter++) {
      probes.add(Blend.DEFAULT.with(parameter, Blend.lowest(parameter)));
      probes.add(Blend.DEFAULT.with(parameter, Blend.highest(parameter)));
    }
  }

  /** The blend fitted on the held-out titles of the active users, or the hand-set one. */
  Fitted fit(List<User> active, Instant now) {
    List<Long> eligible = new ArrayList<>();
    for (User user : active) {
      if (library.coPlays.titlesOf(user.id()) >= MIN_TITLES) {
        eligible.add(user.id());
      }
    }
    List<BlendFit.Sample> samples = new ArrayList<>();
    int sampled = Math.min(SAMPLE, eligible.size());
    for (int i = 0; i < sampled; i++) {
      // Evenly spread over the users in id order, so that the same library gives the same sample.
      long userId = eligible.get((int) ((long) i * eligible.size() / sampled));
      BlendFit.Sample sample = sample(userId, now);
      if (sample != null) {
        samples.add(sample);
      }
    }
    if (samples.size() < MIN_USERS) {
      return new Fitted(
          Blend.DEFAULT,
          0,
          "weights: default ("
              + samples.size()
              + " users with enough history, "
              + MIN_USERS
              + " needed to fit them)");
    }
    Blend fitted = new BlendFit(samples, settings.maxGenreShare(), settings.maxPerArtist()).fit();
    return new Fitted(
        fitted,
        samples.size(),
        "weights: fitted on " + samples.size() + " users' latest titles (" + fitted + ")");
  }

  /** One user's candidates with their latest titles held out; null when none of those can rank. */
  private BlendFit.Sample sample(long userId, Instant now) {
    JobPreferences preferences = users.preferences(userId, now);
    if (!preferences.recommendationsEnabled()) {
      return null;
    }
    TasteReader.HeldOut held =
        tastes.readHoldingOut(
            library,
            userId,
            preferences,
            UserRecommendations.profile(profiles, userId),
            now,
            HELD_OUT);
    Taste taste = held.taste();
    if (taste.isEmpty() || held.titles().length == 0) {
      return null;
    }
    CandidateFilter filter = new CandidateFilter(library, preferences, taste.known);
    int touched = scorer.gather(taste);
    double[] parts = new double[touched * Blend.PARTS];
    int[] candidates = new int[touched];
    boolean[] heldOut = new boolean[touched];
    int rows = 0;
    for (int i = 0; i < touched; i++) {
      int candidate = scorer.touched(i);
      if (!filter.allows(candidate)) {
        continue;
      }
      boolean own = Arrays.stream(held.titles()).anyMatch(t -> t == candidate);
      scorer.parts(taste, candidate, filter, own, parts, rows * Blend.PARTS);
      candidates[rows] = candidate;
      heldOut[rows] = own;
      rows++;
    }
    scorer.release();
    return kept(taste, parts, candidates, heldOut, rows);
  }

  /** The rows any probing blend ranks among its best, and the held-out ones. */
  private BlendFit.Sample kept(
      Taste taste, double[] parts, int[] candidates, boolean[] heldOut, int rows) {
    boolean[] keep = heldOut.clone();
    int[] kinds = new int[rows];
    for (int row = 0; row < rows; row++) {
      kinds[row] = library.types[candidates[row]].ordinal();
    }
    for (Blend probe : probes) {
      PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
      for (int row = 0; row < rows; row++) {
        double score = probe.score(parts, row * Blend.PARTS, kinds[row]);
        if (best.size() < KEPT_PER_PROBE) {
          best.add(new double[] {score, row});
        } else if (score > best.peek()[0]) {
          best.poll();
          best.add(new double[] {score, row});
        }
      }
      for (double[] entry : best) {
        keep[(int) entry[1]] = true;
      }
    }
    int count = 0;
    List<Integer> held = new ArrayList<>();
    double[] keptParts = new double[rows * Blend.PARTS];
    int[] keptKinds = new int[rows];
    int[] leading = new int[rows];
    int[] artists = new int[rows];
    for (int row = 0; row < rows; row++) {
      if (!keep[row]) {
        continue;
      }
      if (heldOut[row]) {
        held.add(count);
      }
      System.arraycopy(parts, row * Blend.PARTS, keptParts, count * Blend.PARTS, Blend.PARTS);
      leading[count] = variety.leadingGenre(candidates[row], taste);
      artists[count] = library.artistOf[candidates[row]];
      keptKinds[count++] = kinds[row];
    }
    if (held.isEmpty()) {
      return null;
    }
    return new BlendFit.Sample(
        Arrays.copyOf(keptParts, count * Blend.PARTS),
        Arrays.copyOf(keptKinds, count),
        Arrays.copyOf(leading, count),
        Arrays.copyOf(artists, count),
        held.stream().mapToInt(Integer::intValue).toArray());
  }
}
