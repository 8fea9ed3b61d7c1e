package io.suasor.media.metadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a metadata refresh did, under the specification's statistic keys, with the providers' own
 * counts ({@code tmdbRequests}, …) and, when it ended early, why.
 */
public record RefreshReport(
    long moviesUpdated,
    long seriesUpdated,
    long episodesUpdated,
    long tracksUpdated,
    long otherUpdated,
    long errorCount,
    long totalItemsChecked,
    List<String> errors,
    Map<String, Long> providerStatistics,
    Optional<String> stoppedEarly) {

  public RefreshReport {
    errors = List.copyOf(errors);
    providerStatistics = Map.copyOf(providerStatistics);
  }

  public long updated() {
    return moviesUpdated + seriesUpdated + episodesUpdated + tracksUpdated + otherUpdated;
  }
}
