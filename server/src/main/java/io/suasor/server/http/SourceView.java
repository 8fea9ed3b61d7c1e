package io.suasor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.model.MediaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A source as the API answers it: its settings and whether it has secrets, never them. */
public record SourceView(
    long id,
    long userId,
    String type,
    String name,
    JsonNode config,
    boolean hasSecrets,
    boolean enabled,
    long syncIntervalSeconds,
    Instant lastSyncedAt,
    Instant createdAt,
    Instant updatedAt) {

  public static SourceView of(MediaSource source, boolean hasSecrets) {
    try {
      return new SourceView(
          source.id(),
          source.userId(),
          source.type().value(),
          source.name(),
          io.suasor.media.store.Json.mapper().readTree(source.config()),
          hasSecrets,
          source.enabled(),
          source.syncInterval().toSeconds(),
          source.lastSyncedAt(),
          source.createdAt(),
          source.updatedAt());
    } catch (IOException e) {
      throw new UncheckedIOException("source " + source.id() + " has a config that is not JSON", e);
    }
  }
}
