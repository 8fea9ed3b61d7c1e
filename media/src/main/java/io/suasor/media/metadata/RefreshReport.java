package io.suasor.media.metadata;

import java.util.List;

/** What a metadata refresh did, under the specification's statistic keys. */
public record RefreshReport(
    long moviesUpdated,
    long seriesUpdated,
    long episodesUpdated,
    long tracksUpdated,
    long otherUpdated,
    long errorCount,
    long totalItemsChecked,
    List<String> errors) {

  public RefreshReport {
    errors = List.copyOf(errors);
  }

  public long updated() {
    return moviesUpdated + seriesUpdated + episodesUpdated + tracksUpdated + otherUpdated;
  }
}
