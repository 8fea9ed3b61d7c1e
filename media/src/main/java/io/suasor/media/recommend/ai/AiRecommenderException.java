package io.suasor.media.recommend.ai;

import io.suasor.media.MediaException;

/**
 * An AI recommender gave no usable suggestions. The message names the provider, its address and
 * model, and what to change; it never holds the key. {@link #reason} is what a run's statistics
 * count when it falls back to the built-in recommender.
 */
public class AiRecommenderException extends MediaException {
  /** Why, as a user would fix it. */
  public enum Reason {
    /**
     * No usable answer from the address: no connection, a TLS failure, 5xx answers past the
     * retries, or the request rejected as not served there (404 for a wrong path or unknown model,
     * 400 for a request the provider does not take).
     */
    UNREACHABLE,
    /** No answer within the read timeout, on every try. */
    TIMEOUT,
    /** 429 answers past the retries, or a {@code Retry-After} longer than Suasor waits. */
    RATE_LIMITED,
    /** The key was refused (401, 403) or the account cannot be used (402). */
    UNAUTHORIZED,
    /** The model declined to answer, or the provider's content filter withheld its reply. */
    REFUSED,
    /** The reply was not the JSON asked for (not JSON, wrong types, a score out of range, …). */
    MALFORMED
  }

  private final Reason reason;

  public AiRecommenderException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** {@code cause}'s message is not appended: the message already says what went wrong. */
  public AiRecommenderException(Reason reason, String message, Throwable cause) {
    super(message);
    initCause(cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
