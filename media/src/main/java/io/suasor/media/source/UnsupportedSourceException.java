package io.suasor.media.source;

import io.suasor.media.MediaException;

/** No client exists (yet) for a source's type, or its configuration cannot be used. */
public class UnsupportedSourceException extends MediaException {
  public UnsupportedSourceException(String message) {
    super(message);
  }
}
