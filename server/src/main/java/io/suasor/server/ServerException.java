package io.suasor.server;

/** The root of the exceptions the server throws; the message tells the user what to change. */
public class ServerException extends RuntimeException {
  public ServerException(String message) {
    super(message);
  }

  public ServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
