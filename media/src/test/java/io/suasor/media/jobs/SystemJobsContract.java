package io.suasor.media.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.service.ManualRun;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.Jdbc;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.testing.EventRecorder;
import io.suasor.jobs.testing.TestRuns;
import io.suasor.media.MediaSchema;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.ItemMetadata;
import io.suasor.media.model.MediaItem;
import io.suasor.media.model.MediaSource;
import io.suasor.media.model.MediaType;
import io.suasor.media.model.Numbering;
import io.suasor.media.model.Recommendation;
import io.suasor.media.model.Role;
import io.suasor.media.model.SourceType;
import io.suasor.media.model.User;
import io.suasor.media.model.UserItemData;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.ActivityProfileStore;
import io.suasor.media.store.ItemStore;
import io.suasor.media.store.Json;
import io.suasor.media.store.NewItem;
import io.suasor.media.store.NewSource;
import io.suasor.media.store.RecommendationStore;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.SourceStore;
import io.suasor.media.store.UserDataStore;
import io.suasor.media.store.UserStore;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media domain's jobs run through the real engine; on SQLite and PostgreSQL. */
abstract class SystemJobsContract {
  static final DemoLibrary.Size SIZE = new DemoLibrary.Size(40, 4, 2, 3, 4, 2, 4);

  @TempDir Path temp;
  Database database;
  JobEngine engine;
  EventRecorder events = new EventRecorder();
  MediaSource source;
  SourceStore sources;

  abstract Database database(Path folder);

  @BeforeEach
  void setUp() {
    database = database(temp.resolve("db"));
    MediaSchema.migrate(database);
    JdbcJobRepository.migrate(database);
    Clock clock = Clock.systemUTC();
    DemoLibrary.Written library = new DemoLibrary(3).write(temp.resolve("library"), SIZE);
    sources = new SourceStore(database, SecretBox.random());
    source = DemoLibrary.install(database, sources, library, clock);
    var builder = JobEngine.builder().sharedDatabase(database).clock(clock).listener(events);
    SystemJobs.create(
            database,
            new JdbcJobRepository(database),
            sources,
            new SourceClientsByType(sources, HttpSettings.defaults()),
            clock,
            SystemJobs.Settings.defaults())
        .forEach(builder::register);
    engine = builder.build();
    engine.service().syncDatabaseJobs();
    // The test runs each job by hand; a scheduled fire on start would race with it.
    engine.service().registeredJobs().forEach(job -> engine.service().pauseSchedule(job.name()));
    engine.start();
  }

  @AfterEach
  void tearDown() {
    engine.close();
    database.close();
  }

  @Test
  void theJobsRunThroughTheEngineAndReportTheirStatistics() throws Exception {
    JsonNode first =
        run(
            ManualRun.of(MediaSyncJob.NAME)
                .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    assertThat(first.get("itemsCreated").asLong()).isEqualTo(SIZE.items());
    assertThat(first.get("sourcesSynced").asLong()).isEqualTo(1);

    JsonNode second =
        run(
            ManualRun.of(MediaSyncJob.NAME)
                .withParameters("{\"clientId\":0,\"mediaType\":\"full\"}"));
    assertThat(second.get("itemsCreated").asLong()).isZero();
    assertThat(second.get("itemsUnchanged").asLong()).isEqualTo(SIZE.items());

    JsonNode refresh = run(ManualRun.of(MetadataRefreshJob.NAME));
    assertThat(refresh.fieldNames())
        .toIterable()
        .contains(
            "moviesUpdated",
            "seriesUpdated",
            "episodesUpdated",
            "tracksUpdated",
            "errorCount",
            "totalItemsChecked");
    // New items were never refreshed: all NFO-described ones are checked; they say what sync read.
    int described =
        SIZE.movies() + SIZE.series() + SIZE.episodes() + SIZE.artists() + SIZE.albums();
    assertThat(refresh.get("totalItemsChecked").asLong()).isEqualTo(described);
    assertThat(refresh.get("moviesUpdated").asLong()).isZero();
    // No TMDB configured: the run worked on local data and says TMDB was not used.
    assertThat(refresh.get("tmdbUsed").asBoolean()).isFalse();
    assertThat(lastRun.statusMessage()).contains("TMDB not used");
    assertThat(run(ManualRun.of(MetadataRefreshJob.NAME)).get("totalItemsChecked").asLong())
        .isZero();
  }

  @Test
  void theCleanupJobMergesADuplicateAndRemovesAnOrphanAndKeepsTheRestOfTheLibrary()
      throws Exception {
    run(
        ManualRun.of(MediaSyncJob.NAME)
            .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    ItemStore items = new ItemStore(database);
    long firstMovie =
        database
            .read(
                "the first movie",
                c ->
                    Jdbc.queryOne(
                        c,
                        "SELECT MIN(id) AS id FROM media_items WHERE type = 'movie'",
                        row -> row.getLong("id")))
            .orElseThrow();
    MediaItem original = items.byId(firstMovie).orElseThrow();
    MediaItem duplicate =
        items.insert(
            new NewItem(
                MediaType.MOVIE,
                original.metadata().withTitle(original.title().toUpperCase(Locale.ROOT)),
                null,
                null,
                original.numbering()),
            Instant.now());
    MediaItem orphan =
        items.insert(
            new NewItem(
                MediaType.MOVIE,
                ItemMetadata.titled("Nobody's Film", 1999),
                null,
                null,
                Numbering.NONE),
            Instant.now());

    JsonNode cleanup = run(ManualRun.of(LibraryCleanupJob.NAME));

    assertThat(items.byId(duplicate.id())).as("the duplicate").isEmpty();
    assertThat(items.byId(orphan.id())).as("the orphan").isEmpty();
    assertThat(items.byId(original.id())).as("the duplicate's original").isPresent();
    assertThat(items.count()).as("the synced library").isEqualTo(SIZE.items());
    assertThat(cleanup.path("duplicatesMerged").asLong()).isEqualTo(1);
    assertThat(cleanup.path("orphansRemoved").asLong()).isEqualTo(1);
  }

  @Test
  void theMaintenanceJobPrunesRunsPastTheirRetentionAndKeepsTheRest() throws Exception {
    // Runs are kept for 30 days after they end (Retention.defaults()).
    long old = endedRun(Instant.now().minus(Duration.ofDays(40)));
    long recent = endedRun(Instant.now().minus(Duration.ofDays(20)));

    JsonNode maintenance = run(ManualRun.of(DatabaseMaintenanceJob.NAME));

    JdbcJobRepository jobs = new JdbcJobRepository(database);
    assertThat(jobs.getJobRunById(old)).as("the run past its retention").isEmpty();
    assertThat(jobs.getJobRunById(recent)).as("the run within its retention").isPresent();
    assertThat(maintenance.path("runsPruned").asLong()).isEqualTo(1);
    assertThat(maintenance.path("integrityProblems").asLong()).isZero();
  }

  /** A run of a job that no node runs any more, which ended at {@code endedAt}; its id. */
  private long endedRun(Instant endedAt) {
    JdbcJobRepository jobs = new JdbcJobRepository(database);
    // The engine claims only runs of the jobs it registered, so it leaves this one to the test.
    NewRun retired = NewRun.of("retired.job", JobType.SYSTEM, Trigger.MANUAL, endedAt);
    return TestRuns.ended(jobs, retired, JobStatus.COMPLETED, endedAt).id();
  }

  @Test
  void aRunWhoseSourceFailedEndsFailedNamingTheSourceAndKeepsItsStatistics() throws Exception {
    Files.move(temp.resolve("library/Movies"), temp.resolve("moved-away"));
    JobRun run =
        engine
            .service()
            .runJobManually(
                ManualRun.of(MediaSyncJob.NAME)
                    .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"movies\"}"));
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.errorMessage())
        .contains("1 of 1 source failed")
        .contains("'" + source.name() + "'")
        .contains("missing");
    JsonNode result = Json.mapper().readTree(ended.metadata());
    assertThat(result.get("sourcesFailed").asLong()).isEqualTo(1);
    assertThat(result.get("failedSources").get(0).get("error").asText()).contains("missing");
  }

  @Test
  void runNowWithoutParametersSyncsEveryEnabledSourceEvenWhenNotDue() throws Exception {
    JsonNode first = run(ManualRun.of(MediaSyncJob.NAME));
    assertThat(first.get("sourcesSynced").asLong()).isEqualTo(1);
    // Synced a moment ago, so not due: a scheduled run would skip it, a manual one does not.
    JobRun again = engine.service().runJobManually(ManualRun.of(MediaSyncJob.NAME));
    JobRun ended = events.awaitFinished(again.id());
    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(Json.mapper().readTree(ended.metadata()).get("sourcesSynced").asLong()).isEqualTo(1);
    assertThat(ended.statusMessage()).startsWith("1 source synced: 0 created");
    assertThat(ended.processedItems()).isEqualTo(ended.totalItems());
  }

  @Test
  void theActivityAnalysisRunsForEveryActiveUserOrForTheUserWhoRunsIt() throws Exception {
    run(
        ManualRun.of(MediaSyncJob.NAME)
            .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    long plays = new UserDataStore(database).history(source.userId()).size();
    assertThat(plays).isPositive();
    User other =
        new UserStore(database).create("other", null, Role.USER, true, Clock.systemUTC().instant());

    JsonNode all = run(ManualRun.of(ActivityAnalysisJob.NAME));
    assertThat(all.get("usersAnalysed").asLong()).isEqualTo(2);
    assertThat(all.get("usersSkipped").asLong()).isZero();
    assertThat(all.get("playsCounted").asLong()).isEqualTo(plays);
    ActivityProfileStore profiles = new ActivityProfileStore(database);
    assertThat(profiles.get(source.userId()).orElseThrow().playsCounted()).isEqualTo(plays);
    assertThat(profiles.get(other.id()).orElseThrow().playsCounted()).isZero();

    JobRun own =
        engine.service().runJobManually(ManualRun.of(ActivityAnalysisJob.NAME).forUser(other.id()));
    JobRun ended = events.awaitFinished(own.id());
    assertThat(ended.status()).as(ended.errorMessage()).isEqualTo(JobStatus.COMPLETED);
    JsonNode mine = Json.mapper().readTree(ended.metadata());
    assertThat(mine.get("usersAnalysed").asLong()).isEqualTo(1);
    assertThat(mine.get("playsCounted").asLong()).isZero();
    assertThat(ended.statusMessage()).isEqualTo("1 user analysed from 0 plays");
    assertThat(ended.processedItems()).isEqualTo(1);
  }

  @Test
  void theRecommendationJobRecommendsForEveryUserOrForOneUserAlone() throws Exception {
    run(
        ManualRun.of(MediaSyncJob.NAME)
            .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    UserStore users = new UserStore(database);
    User demo = users.byUsername(DemoLibrary.DEMO_USER).orElseThrow();
    User other = users.create("other", null, Role.USER, true, Instant.now());
    UserDataStore data = new UserDataStore(database);
    List<Long> movies =
        database.read(
            "first movies",
            c ->
                Jdbc.query(
                    c,
                    "SELECT id FROM media_items WHERE type = 'movie' ORDER BY id LIMIT 5",
                    row -> row.getLong("id")));
    Instant watched = Instant.now().minusSeconds(86_400);
    for (long movie : movies) {
      data.save(new UserItemData(demo.id(), movie, 1, watched, 100, false, null, false, watched));
    }

    JsonNode everyone = run(ManualRun.of(RecommendationJob.NAME));
    assertThat(everyone.get("usersRecommended").asLong()).isEqualTo(2);
    assertThat(everyone.get("recommendationsMade").asLong()).isPositive();
    assertThat(everyone.get("usersSkipped").asLong()).isZero();
    assertThat(everyone.get("recommenderFallbacks").asLong()).isZero();
    // Two users are too few to fit how fast plays stop counting: the run says so.
    assertThat(everyone.get("tasteHalfLife").asText())
        .startsWith("taste half-life 180 days, as configured:");
    assertThat(everyone.get("candidates").asLong())
        .isEqualTo(SIZE.movies() + SIZE.series() + SIZE.artists() + SIZE.albums());
    RecommendationStore recommendations = new RecommendationStore(database);
    List<Recommendation> demos = recommendations.byUser(demo.id(), true, Instant.now(), 100);
    assertThat(demos).extracting(Recommendation::mediaItemId).doesNotContainAnyElementsOf(movies);
    assertThat(recommendations.byUser(other.id(), true, Instant.now(), 100)).isNotEmpty();

    JsonNode mine = run(ManualRun.of(RecommendationJob.NAME).forUser(demo.id()));
    assertThat(mine.get("usersRecommended").asLong()).isEqualTo(1);
    assertThat(recommendations.byUser(demo.id(), true, Instant.now(), 100))
        .extracting(Recommendation::id)
        .containsExactlyElementsOf(demos.stream().map(Recommendation::id).toList());
  }

  @Test
  void theFavouritesSyncOfAUserWhoseOnlySourceIsALocalFolderSaysItReconciledNothing()
      throws Exception {
    User demo = new UserStore(database).byUsername(DemoLibrary.DEMO_USER).orElseThrow();
    JobRun run =
        engine.service().runJobManually(ManualRun.of(FavoritesSyncJob.NAME).forUser(demo.id()));
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).as(ended.errorMessage()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ended.statusMessage()).startsWith("no source keeps favourites, so nothing was");
    JsonNode statistics = Json.mapper().readTree(ended.metadata());
    assertThat(statistics.get("usersWithoutFavoriteSources").asLong()).isEqualTo(1);
    assertThat(statistics.get("sourcesWithoutFavorites").asLong()).isEqualTo(1);
    assertThat(statistics.get("writtenBack").asLong()).isZero();
    assertThat(statistics.get("sources").get(0).get("status").asText()).isEqualTo("no_favorites");
    assertThat(statistics.get("notes").get(0).asText())
        .contains("no source keeps favourites ('" + DemoLibrary.DEMO_SOURCE + "' (local))");
  }

  @Test
  void aFavouritesSyncWhoseSourceCannotBeReachedEndsFailedNamingItWithItsStatistics()
      throws Exception {
    User demo = new UserStore(database).byUsername(DemoLibrary.DEMO_USER).orElseThrow();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    sources.create(
        new NewSource(
            demo.id(),
            SourceType.JELLYFIN,
            "Attic",
            "{\"url\": \"http://127.0.0.1:" + closedPort + "\", \"user\": \"alice\"}",
            "{\"apiKey\": \"attic-key-0042\"}",
            Duration.ofHours(1)),
        Instant.now());

    JobRun run =
        engine.service().runJobManually(ManualRun.of(FavoritesSyncJob.NAME).forUser(demo.id()));
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).isEqualTo(JobStatus.FAILED);
    assertThat(ended.errorMessage())
        .contains("1 source not reconciled, the next run tries again: 'Attic'")
        .doesNotContain("attic-key-0042");
    JsonNode statistics = Json.mapper().readTree(ended.metadata());
    assertThat(statistics.get("sourcesFailed").asLong()).isEqualTo(1);
    assertThat(statistics.get("sourcesWithoutFavorites").asLong()).isEqualTo(1);
    assertThat(statistics.get("sources").findValuesAsText("status"))
        .containsExactlyInAnyOrder("no_favorites", "failed");
  }

  private JobRun lastRun;

  @Test
  void theSmartCollectionJobSeedsEvaluatesAndASecondRunChangesNothing() throws Exception {
    run(
        ManualRun.of(MediaSyncJob.NAME)
            .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    UserStore users = new UserStore(database);
    User demo = users.byUsername(DemoLibrary.DEMO_USER).orElseThrow();
    List<Long> movies =
        database.read(
            "first movies",
            c ->
                Jdbc.query(
                    c,
                    "SELECT id FROM media_items WHERE type = 'movie' ORDER BY id LIMIT 3",
                    row -> row.getLong("id")));
    UserDataStore data = new UserDataStore(database);
    Instant watched = Instant.now().minusSeconds(86_400);
    for (long movie : movies) {
      data.save(new UserItemData(demo.id(), movie, 1, watched, 100, false, null, false, watched));
    }

    JsonNode first = run(ManualRun.of(SmartCollectionJob.NAME).forUser(demo.id()));
    assertThat(first.get("usersSeeded").asLong()).isEqualTo(1);
    assertThat(first.get("collectionsEvaluated").asLong())
        .isEqualTo(first.get("collectionsSeeded").asLong())
        .isPositive();
    JsonNode unwatched = null;
    for (JsonNode change : first.get("collections")) {
      if (change.get("name").asText().equals("Unwatched films")) {
        unwatched = change;
      }
    }
    assertThat(unwatched).isNotNull();
    // The three watched films are not among the unwatched ones.
    List<Long> listed =
        new io.suasor.media.store.CollectionStore(database)
            .items(unwatched.get("collectionId").asLong());
    assertThat(listed).hasSize(unwatched.get("added").asInt()).doesNotContainAnyElementsOf(movies);
    assertThat(first.get("itemsAdded").asLong()).isGreaterThanOrEqualTo(listed.size());

    JsonNode second = run(ManualRun.of(SmartCollectionJob.NAME));
    assertThat(second.get("usersProcessed").asLong()).isEqualTo(1);
    assertThat(second.get("collectionsChanged").asLong()).isZero();
    assertThat(second.get("itemsAdded").asLong()).isZero();
    assertThat(second.get("itemsRemoved").asLong()).isZero();
    assertThat(second.get("collections")).isEmpty();
  }

  @Test
  void theNotificationJobTellsOfWhatASyncAddedOnceAndSaysReleasesWereNotLookedUp()
      throws Exception {
    User other = new UserStore(database).create("other", null, Role.USER, true, Instant.now());
    JobRun sync =
        runToEnd(
            ManualRun.of(MediaSyncJob.NAME)
                .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    String before = after(sync.startTime().minusSeconds(7200), sync.startTime().minusSeconds(3600));
    JsonNode nobody = run(ManualRun.of(NewReleaseNotificationJob.NAME).withParameters(before));
    assertThat(nobody.get("usersProcessed").asLong()).isZero();

    // Following the sync: only the users whose libraries gained items, not the other.
    JobRun first =
        runToEnd(
            ManualRun.of(NewReleaseNotificationJob.NAME)
                .withParameters(after(sync.startTime(), sync.endTime())));
    JsonNode told = Json.mapper().readTree(first.metadata());
    // The demo library's movies one by one; its series and albums one each.
    assertThat(told.get("newItemNotifications").asLong()).isEqualTo(10);
    assertThat(told.get("skippedByLimit").asLong())
        .isEqualTo(SIZE.movies() + SIZE.series() + SIZE.artists() * SIZE.albumsPerArtist() - 10);
    assertThat(told.get("newItemsFound").asLong()).isEqualTo(SIZE.items());
    assertThat(told.get("releaseCalendar").asText()).startsWith("not configured");
    assertThat(first.statusMessage())
        .isEqualTo(
            "10 notifications for 1 user; upcoming releases not looked up: no release calendar"
                + " (TMDB) is configured");

    assertThat(told.get("usersProcessed").asLong()).isEqualTo(1);
    assertThat(told.get("afterSync").asText()).isNotBlank();

    JsonNode again = run(ManualRun.of(NewReleaseNotificationJob.NAME));
    assertThat(again.get("usersProcessed").asLong()).isEqualTo(2);
    assertThat(again.get("notificationsCreated").asLong()).isZero();
    assertThat(again.get("newItemsFound").asLong()).isZero();
    assertThat(
            new io.suasor.media.store.NotificationStore(database)
                .page(other.id(), Instant.now(), 10, java.util.Optional.empty()))
        .isEmpty();
  }

  /** The parameters of a run that follows a sync run of these times. */
  private static String after(Instant started, Instant ended) {
    return "{\"after\": {\"runId\": 1, \"job\": \"system.media.sync\", \"startedAt\": \""
        + started
        + "\", \"endedAt\": \""
        + ended
        + "\", \"statistics\": {}}}";
  }

  private JsonNode run(ManualRun request) throws Exception {
    return Json.mapper().readTree(runToEnd(request).metadata());
  }

  private JobRun runToEnd(ManualRun request) throws Exception {
    JobRun run = engine.service().runJobManually(request);
    JobRun ended = events.awaitFinished(run.id());
    lastRun = ended;
    assertThat(ended.status()).as(ended.errorMessage()).isEqualTo(JobStatus.COMPLETED);
    return ended;
  }
}
