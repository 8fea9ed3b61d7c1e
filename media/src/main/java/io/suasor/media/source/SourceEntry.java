package io.suasor.media.source;

import io.suasor.media.model.MediaType;

/**
 * One item as a source lists it, before it is read: its id in the source, its parent's id there,
 * and a fingerprint that changes whenever what {@link Catalog#read} would return may have changed.
 */
public record SourceEntry(String id, MediaType type, String parentId, String fingerprint) {}
