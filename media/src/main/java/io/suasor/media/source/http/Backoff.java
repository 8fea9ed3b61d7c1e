package io.suasor.media.source.http;

import io.suasor.media.MediaException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before trying a request again: the server's word, else doubling waits. */
final class Backoff {
  private final HttpSettings settings;

  Backoff(HttpSettings settings) {
    this.settings = settings;
  }

  /** The wait after try number {@code attempt} failed. */
  Duration after(int attempt) {
    long first = settings.firstBackoff().toMillis();
    long wait = Math.min(settings.maxBackoff().toMillis(), first << Math.min(attempt - 1, 20));
    // Up to a quarter more, so that several nodes retrying one server do not knock in step.
    return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(wait / 4 + 1));
  }

  /** Server errors worth another try: not "not implemented" nor "version not supported". */
  static boolean retryable5xx(int status) {
    return status >= 500 && status <= 599 && status != 501 && status != 505;
  }

  /** {@code Retry-After} as seconds or as an HTTP date, when the answer has one. */
  static Optional<Duration> retryAfter(ServerHttp.Response response) {
    Optional<String> value = response.headers().first("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
    } catch (NumberFormatException e) {
      return httpDate(value.get())
          .map(at -> Duration.between(Instant.now(), at))
          .map(d -> d.isNegative() ? Duration.ZERO : d);
    }
  }

  static Optional<Instant> httpDate(String text) {
    try {
      return Optional.of(
          ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaException("interrupted while waiting to retry a media server");
    }
  }
}
