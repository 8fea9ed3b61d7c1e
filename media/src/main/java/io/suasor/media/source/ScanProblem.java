package io.suasor.media.source;

/** Something wrong with one file or entry of a source, e.g. a malformed NFO or an odd name. */
public record ScanProblem(String path, String problem) {}
