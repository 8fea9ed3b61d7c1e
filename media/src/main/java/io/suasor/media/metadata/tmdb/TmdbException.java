package io.suasor.media.metadata.tmdb;

import io.suasor.media.metadata.MetadataException;

/**
 * TMDB could not be asked. The message names the request (never the key) and what to change; {@link
 * #keyRefused()} tells a refused key, which fails every later request too, from a passing failure.
 */
public class TmdbException extends MetadataException {
  private final boolean keyRefused;

  public TmdbException(String message, boolean keyRefused, Throwable cause) {
    super(message);
    this.keyRefused = keyRefused;
    if (cause != null) {
      initCause(cause);
    }
  }

  public boolean keyRefused() {
    return keyRefused;
  }

  /** A refused key fails every request that follows. */
  @Override
  public boolean endsRefresh() {
    return keyRefused;
  }
}
