package io.suasor.media.source;

import java.time.Instant;

/** A play (or the last of several) of an item, by the source's owner, as the source records it. */
public record SourcePlay(
    String sourceItemId, Instant playedAt, int playCount, double playedPercentage) {}
