package io.suasor.media.source.http;

import java.time.Duration;

/**
 * How Suasor talks to one media server: timeouts, retries of answers that say "later" (429, 5xx, a
 * timeout), and how many requests it may have open at once.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a whole answer
 * @param maxAttempts tries of one request, the first included
 * @param firstBackoff the wait before the second try; it doubles for each further try
 * @param maxBackoff the longest wait between tries that Suasor chooses itself
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a server asking for more fails the
 *     request with a message that says when to try again
 * @param maxConcurrentRequests requests open at once to this server
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    int maxConcurrentRequests) {

  public HttpSettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
    }
  }

  public static HttpSettings defaults() {
    return new HttpSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofMinutes(2),
        3);
  }

  /**
   * For a check a person waits for (the Sources page's "Test"): one try, and an answer within
   * seconds, so that a slow server is reported as such instead of holding the page for minutes.
   */
  public static HttpSettings forChecks() {
    return new HttpSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        1,
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        3);
  }

  public HttpSettings withReadTimeout(Duration timeout) {
    return new HttpSettings(
        connectTimeout,
        timeout,
        maxAttempts,
        firstBackoff,
        maxBackoff,
        maxRetryAfter,
        maxConcurrentRequests);
  }

  public HttpSettings withBackoff(Duration first, Duration max) {
    return new HttpSettings(
        connectTimeout, readTimeout, maxAttempts, first, max, maxRetryAfter, maxConcurrentRequests);
  }

  /** A duration as messages say it: "500 ms", "3 s". */
  public static String words(Duration duration) {
    long millis = duration.toMillis();
    return millis < 1000 ? millis + " ms" : (millis + 500) / 1000 + " s";
  }
}
