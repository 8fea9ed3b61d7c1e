package io.suasor.media.analysis;

/** What a run of the activity analysis did. */
public record AnalysisReport(int usersAnalysed, int usersSkipped, long playsCounted) {}
