package io.suasor.media.model;

import java.time.Instant;

/**
 * Where a source holds an item: its id there (a relative path for the local folder source), a
 * fingerprint of what was read, so an unchanged entry is skipped without being read again, and what
 * the source last said of its owner's played and favourite state (null: nothing).
 */
public record ItemRef(
    long sourceId,
    String sourceItemId,
    long itemId,
    String fingerprint,
    Instant lastSyncedAt,
    Boolean sourcePlayed,
    Boolean sourceFavorite) {}
