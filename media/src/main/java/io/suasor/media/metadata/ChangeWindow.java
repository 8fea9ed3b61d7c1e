package io.suasor.media.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.media.store.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The span of a finished run a refresh follows in a chain ({@code after system.media.sync}): the
 * refresh then looks only at the items that run added or updated and nothing has refreshed since.
 */
public record ChangeWindow(long runId, String job, Instant startedAt, Instant endedAt) {

  /**
   * The window in a follower run's parameters, {@code {"after": {"runId", "job", "startedAt",
   * "endedAt", "statistics"}}}; empty when they hold none or hold it in a form that cannot be read,
   * so the refresh does its full work rather than none.
   */
  public static Optional<ChangeWindow> fromParameters(String parameters) {
    try {
      JsonNode after = Json.mapper().readTree(parameters == null ? "{}" : parameters).path("after");
      if (!after.path("startedAt").isTextual() || !after.path("endedAt").isTextual()) {
        return Optional.empty();
      }
      Instant started = Instant.parse(after.path("startedAt").asText());
      Instant ended = Instant.parse(after.path("endedAt").asText());
      if (ended.isBefore(started)) {
        return Optional.empty();
      }
      return Optional.of(
          new ChangeWindow(
              after.path("runId").asLong(), after.path("job").asText("a run"), started, ended));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public String describe() {
    return "items changed by " + job + " run #" + runId;
  }
}
