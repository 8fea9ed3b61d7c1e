package io.suasor.media.model;

import java.time.Instant;

/**
 * Where a source holds an item: its id there (a relative path for the local folder source), and a
 * fingerprint of what was read, so an unchanged entry is skipped without being read again.
 */
public record ItemRef(
    long sourceId, String sourceItemId, long itemId, String fingerprint, Instant lastSyncedAt) {}
