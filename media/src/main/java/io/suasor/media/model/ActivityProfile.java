package io.suasor.media.model;

import java.time.Instant;

/**
 * A user's computed viewing patterns, kept as the analysis job's JSON document, with when and from
 * how many plays it was computed.
 */
public record ActivityProfile(long userId, String profile, Instant computedAt, long playsCounted) {}
