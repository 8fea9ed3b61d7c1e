package io.suasor.server.http;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A media sync as the original API's clients send it: its backend spelled {@code clientID} and
 * {@code syncType}, its web client {@code clientId} and {@code mediaType}; both are accepted. A
 * {@code clientID} of 0 means no source, as for a full sync of all of the caller's sources.
 */
@JsonIgnoreProperties(
    value = {"id", "userId", "lastSyncTime", "filters"},
    allowGetters = false)
record MediaSyncRequest(
    @JsonAlias({"clientID", "sourceId"}) Long clientId,
    String clientType,
    @JsonAlias("mediaType") String syncType,
    String frequency,
    Boolean enabled) {

  /** The source named, or null for none (absent or 0). */
  Long source() {
    return clientId == null || clientId == 0 ? null : clientId;
  }
}
