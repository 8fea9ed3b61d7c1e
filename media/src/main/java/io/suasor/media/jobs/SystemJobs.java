package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JobRepository;
import io.suasor.media.analysis.ActivityAnalysisService;
import io.suasor.media.analysis.AnalysisSettings;
import io.suasor.media.cleanup.LibraryCleanupService;
import io.suasor.media.maintenance.DatabaseMaintenanceService;
import io.suasor.media.maintenance.Retention;
import io.suasor.media.metadata.MetadataRefreshService;
import io.suasor.media.metadata.RefreshSettings;
import io.suasor.media.notify.NotificationService;
import io.suasor.media.notify.NotificationSettings;
import io.suasor.media.notify.ReleaseCalendar;
import io.suasor.media.recommend.RecommendationService;
import io.suasor.media.recommend.RecommenderSettings;
import io.suasor.media.recommend.SuggestionSource;
import io.suasor.media.source.SourceClients;
import io.suasor.media.source.local.NfoMetadataProvider;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncSettings;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The media domain's system jobs, built from their settings, for the composition root. */
public final class SystemJobs {
  /** The settings of the jobs; {@link #defaults()} for the usual ones. */
  public record Settings(
      SyncSettings sync,
      RefreshSettings refresh,
      int cleanupBatchSize,
      Retention retention,
      AnalysisSettings analysis,
      RecommenderSettings recommender,
      NotificationSettings notifications) {
    public static Settings defaults() {
      return new Settings(
          SyncSettings.defaults(),
          RefreshSettings.defaults(),
          500,
          Retention.defaults(),
          AnalysisSettings.defaults(),
          RecommenderSettings.defaults(),
          NotificationSettings.defaults());
    }
  }

  private SystemJobs() {}

  /** The jobs, with no recommender besides the built-in one and no release calendar. */
  public static List<Job> create(
      Database database,
      JobRepository jobs,
      SourceStore sources,
      SourceClients clients,
      Clock clock,
      Settings settings) {
    return create(database, jobs, sources, clients, clock, settings, SuggestionSource.none());
  }

  /**
   * The jobs, with no release calendar; {@code suggestions} serves the users whose preferences
   * chose a recommender other than the built-in one (which stands in when it fails).
   */
  public static List<Job> create(
      Database database,
      JobRepository jobs,
      SourceStore sources,
      SourceClients clients,
      Clock clock,
      Settings settings,
      SuggestionSource suggestions) {
    return create(database, jobs, sources, clients, clock, settings, suggestions, Optional.empty());
  }

  /**
   * The jobs; {@code releases} tells new-release notifications what is coming out (empty when no
   * provider such as TMDB is configured: they then tell only of what libraries gained).
   */
  public static List<Job> create(
      Database database,
      JobRepository jobs,
      SourceStore sources,
      SourceClients clients,
      Clock clock,
      Settings settings,
      SuggestionSource suggestions,
      Optional<ReleaseCalendar> releases) {
    return List.of(
        new MediaSyncJob(new MediaSyncService(database, sources, clients, clock, settings.sync())),
        new MetadataRefreshJob(
            new MetadataRefreshService(
                database, List.of(new NfoMetadataProvider(sources)), clock, settings.refresh())),
        new LibraryCleanupJob(
            new LibraryCleanupService(database, clock, settings.cleanupBatchSize())),
        new DatabaseMaintenanceJob(
            new DatabaseMaintenanceService(database, jobs, clock, settings.retention())),
        new ActivityAnalysisJob(new ActivityAnalysisService(database, clock, settings.analysis())),
        new RecommendationJob(
            new RecommendationService(database, clock, settings.recommender(), suggestions)),
        new NewReleaseNotificationJob(
            new NotificationService(database, clock, settings.notifications(), releases)));
  }
}
