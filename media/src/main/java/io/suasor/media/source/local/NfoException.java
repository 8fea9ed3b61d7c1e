package io.suasor.media.source.local;

import io.suasor.media.MediaException;

/** An NFO file that cannot be read as one. */
public class NfoException extends MediaException {
  public NfoException(String message) {
    super(message);
  }
}
