package io.suasor.media.recommend;

import io.suasor.media.MediaException;
import java.util.Locale;

/**
 * A {@link SuggestionSource} could not answer; {@code reason} is a short word the run's statistics
 * count it under (such as {@code timeout} or {@code malformed}), the message what happened. Neither
 * may contain a secret.
 */
public class SuggestionSourceException extends MediaException {
  private final String reason;

  public SuggestionSourceException(String reason, String message) {
    super(message);
    this.reason = reason.toLowerCase(Locale.ROOT);
  }

  public SuggestionSourceException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason.toLowerCase(Locale.ROOT);
  }

  public String reason() {
    return reason;
  }
}
