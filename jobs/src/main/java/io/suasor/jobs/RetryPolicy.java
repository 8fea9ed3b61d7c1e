package io.suasor.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How many times a failing job is tried in all, and how long to wait before each retry: {@code
 * initialDelay × multiplier^(attempt-1)}, capped at {@code maxDelay}, then spread by ± {@code
 * jitter} (a fraction) so that many failing runs do not retry in lockstep.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, double jitter) {

  /** One attempt, no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO, 0);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
    }
  }

  /** Exponential backoff doubling from {@code initialDelay} up to an hour, with 20 % jitter. */
  public static RetryPolicy exponential(int maxAttempts, Duration initialDelay) {
    return new RetryPolicy(maxAttempts, initialDelay, 2, Duration.ofHours(1), 0.2);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, multiplier, maxDelay, jitter);
  }

  public RetryPolicy withJitter(double newJitter) {
    return new RetryPolicy(maxAttempts, initialDelay, multiplier, maxDelay, newJitter);
  }

  /** Whether a run that failed on {@code attempt} gets another. */
  public boolean allowsRetryAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The wait before the retry that follows a failure of {@code attempt}. */
  public Duration delayAfter(int attempt, RandomGenerator random) {
    double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1.0);
    double capped = Math.min(base, maxDelay.toMillis());
    double spread = jitter == 0 ? 0 : (random.nextDouble() * 2 - 1) * jitter * capped;
    return Duration.ofMillis(Math.max(0, Math.round(capped + spread)));
  }
}
