package io.suasor.media.source.http;

import io.suasor.media.MediaException;
import java.util.OptionalInt;

/**
 * A media server could not be used. The message names the server and what to change; it never holds
 * a secret. {@link #problem} lets callers (the source check, the sync's statistics) tell kinds
 * apart without reading the text.
 */
public class SourceHttpException extends MediaException {
  /** What went wrong, as a user would fix it. */
  public enum Problem {
    /** The credentials were refused (401/403, Subsonic error 40). */
    UNAUTHORIZED,
    /** No connection: wrong host or port, server down, name not resolved. */
    UNREACHABLE,
    /** The TLS handshake failed (certificate not trusted, wrong protocol). */
    TLS,
    /** The server did not answer within the read timeout, on every try. */
    TIMEOUT,
    /** Something answers at the URL, but not as this kind of server. */
    NOT_THAT_SERVER,
    /** The server is older than Suasor can use. */
    TOO_OLD,
    /** The server kept failing (5xx) or asking to wait (429) past what Suasor retries. */
    SERVER_ERROR,
    /** The server says the thing asked for does not exist (404, Subsonic error 70). */
    NOT_FOUND,
    /** The settings name something the server does not have (a user, a library). */
    BAD_SETTINGS,
    /** The server answered in a shape Suasor cannot read. */
    BAD_RESPONSE
  }

  private final Problem problem;
  private final int status;

  public SourceHttpException(Problem problem, String message) {
    this(problem, message, 0);
  }

  /** A failure read from an answer with this HTTP status. */
  public SourceHttpException(Problem problem, String message, int status) {
    super(message);
    this.problem = problem;
    this.status = status;
  }

  public SourceHttpException(Problem problem, String message, Throwable cause) {
    super(message);
    initCause(cause);
    this.problem = problem;
    this.status = 0;
  }

  public Problem problem() {
    return problem;
  }

  /**
   * The HTTP status of the answer that failed the request, when it was an answer (e.g. 429 or 503
   * behind a {@link Problem#SERVER_ERROR}); empty for a timeout or no connection.
   */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }
}
