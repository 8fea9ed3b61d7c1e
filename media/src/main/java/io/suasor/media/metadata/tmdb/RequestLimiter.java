package io.suasor.media.metadata.tmdb;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code permits} requests within any {@code window}: a request that would be one too many
 * waits until the oldest of the window leaves it. TMDB answers 429 past its limit; keeping under it
 * spares the retries.
 */
final class RequestLimiter {
  /** How the limiter waits; tests pass one that moves a settable clock instead of sleeping. */
  interface Sleeper {
    void sleep(Duration wait) throws InterruptedException;
  }

  private final int permits;
  private final Duration window;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final Deque<Instant> sent = new ArrayDeque<>();

  RequestLimiter(int permits, Duration window, InstantSource clock, Sleeper sleeper) {
    this.permits = permits;
    this.window = window;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits, if need be, until one more request fits the window, and counts it. */
  synchronized void acquire() throws InterruptedException {
    while (true) {
      Instant now = clock.instant();
      while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
        sent.removeFirst();
      }
      if (sent.size() < permits) {
        sent.addLast(now);
        return;
      }
      sleeper.sleep(Duration.between(now, sent.peekFirst().plus(window)));
    }
  }
}
