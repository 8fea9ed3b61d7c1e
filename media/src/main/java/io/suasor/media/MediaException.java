package io.suasor.media;

/** The root of every exception the media domain throws; the message says what it was doing. */
public class MediaException extends RuntimeException {
  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
