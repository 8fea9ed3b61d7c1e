package io.suasor.media.jobs;

import io.suasor.jobs.Job;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JobRepository;
import io.suasor.media.analysis.ActivityAnalysisService;
import io.suasor.media.analysis.AnalysisSettings;
import io.suasor.media.cleanup.LibraryCleanupService;
import io.suasor.media.collections.SmartCollectionService;
import io.suasor.media.maintenance.DatabaseMaintenanceService;
import io.suasor.media.maintenance.Retention;
import io.suasor.media.metadata.MetadataProvider;
import io.suasor.media.metadata.MetadataRefreshService;
import io.suasor.media.metadata.RefreshSettings;
import io.suasor.media.metadata.tmdb.TmdbClient;
import io.suasor.media.metadata.tmdb.TmdbMetadataProvider;
import io.suasor.media.metadata.tmdb.TmdbReleaseCalendar;
import io.suasor.media.notify.NotificationService;
import io.suasor.media.notify.NotificationSettings;
import io.suasor.media.notify.ReleaseCalendar;
import io.suasor.media.recommend.RecommendationService;
import io.suasor.media.recommend.RecommenderSettings;
import io.suasor.media.recommend.SuggestionSource;
import io.suasor.media.source.SourceClients;
import io.suasor.media.source.local.NfoMetadataProvider;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.SourceStore;
import io.suasor.media.sync.FavoritesSyncService;
import io.suasor.media.sync.MediaSyncService;
import io.suasor.media.sync.SyncSettings;
import java.time.Clock;
import java.util.ArrayList;
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
   * The jobs, without TMDB; {@code suggestions} serves the users whose preferences chose a
   * recommender other than the built-in one (which stands in when it fails).
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
   * The jobs; {@code tmdb}, when configured, fills what the metadata refresh finds missing after
   * the NFO files, and tells new-release notifications what is coming out (without it they tell
   * only of what libraries gained).
   */
  public static List<Job> create(
      Database database,
      JobRepository jobs,
      SourceStore sources,
      SourceClients clients,
      Clock clock,
      Settings settings,
      SuggestionSource suggestions,
      Optional<TmdbClient> tmdb) {
    List<MetadataProvider> providers = new ArrayList<>();
    providers.add(new NfoMetadataProvider(sources));
    ItemStore items = new ItemStore(database);
    tmdb.ifPresent(
        client ->
            providers.add(
                new TmdbMetadataProvider(
                    client, settings.refresh().tmdbRequestBudget(), items::byId)));
    Optional<ReleaseCalendar> releases = tmdb.map(TmdbReleaseCalendar::new);
    return List.of(
        new MediaSyncJob(new MediaSyncService(database, sources, clients, clock, settings.sync())),
        new MetadataRefreshJob(
            new MetadataRefreshService(database, providers, clock, settings.refresh()),
            tmdb.isPresent()
                ? Optional.empty()
                : Optional.of(
                    "TMDB not used: no tmdb.apiKey or tmdb.readAccessToken configured, only local"
                        + " data (NFO files) was read")),
        new LibraryCleanupJob(
            new LibraryCleanupService(database, clock, settings.cleanupBatchSize())),
        new DatabaseMaintenanceJob(
            new DatabaseMaintenanceService(database, jobs, clock, settings.retention())),
        new ActivityAnalysisJob(new ActivityAnalysisService(database, clock, settings.analysis())),
        new RecommendationJob(
            new RecommendationService(database, clock, settings.recommender(), suggestions)),
        new FavoritesSyncJob(new FavoritesSyncService(database, sources, clients, clock)),
        new SmartCollectionJob(new SmartCollectionService(database, clock)),
        new NewReleaseNotificationJob(
            new NotificationService(database, clock, settings.notifications(), releases)));
  }
}
