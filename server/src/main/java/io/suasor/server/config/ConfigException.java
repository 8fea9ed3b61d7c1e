package io.suasor.server.config;

import io.suasor.server.ServerException;

/** A setting is missing or wrong; the message names it and says what to change. */
public class ConfigException extends ServerException {
  public ConfigException(String message) {
    super(message);
  }
}
