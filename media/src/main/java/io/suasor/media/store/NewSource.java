package io.suasor.media.store;

import io.suasor.media.model.SourceType;
import java.time.Duration;

/** What is needed to connect a media source; {@code secrets} may be null. */
public record NewSource(
    long userId,
    SourceType type,
    String name,
    String config,
    String secrets,
    Duration syncInterval) {}
