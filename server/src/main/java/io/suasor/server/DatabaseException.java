package io.suasor.server;

/**
 * The database cannot be opened or its schema cannot be brought up to date; the message says which
 * database (never its password) and what to check.
 */
public class DatabaseException extends ServerException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
