package io.suasor.media.source.http;

/**
 * Which server a client talks to, as messages name it.
 *
 * @param kind the kind of server, e.g. "Jellyfin"
 * @param sourceName the Suasor source's name; null for a service that is not a source (an AI
 *     provider)
 * @param url the server's base address, without a trailing slash
 * @param credentialAdvice what to tell a user whose credentials the server refuses
 */
public record ServerAddress(String kind, String sourceName, String url, String credentialAdvice) {
  public ServerAddress {
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
  }

  public String describe() {
    return sourceName == null
        ? kind + " at " + url
        : kind + " source '" + sourceName + "' at " + url;
  }
}
