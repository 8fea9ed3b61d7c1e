package io.suasor.media.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.service.ManualRun;
import io.suasor.jobs.store.Database;
import io.suasor.jobs.store.JdbcJobRepository;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.testing.Await;
import io.suasor.media.MediaSchema;
import io.suasor.media.demo.DemoLibrary;
import io.suasor.media.model.MediaSource;
import io.suasor.media.source.clients.SourceClientsByType;
import io.suasor.media.source.http.HttpSettings;
import io.suasor.media.store.Json;
import io.suasor.media.store.SecretBox;
import io.suasor.media.store.SourceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media jobs' default chains through the real engine: a media sync is followed by a metadata
 * refresh, which is followed by new-release notifications and smart collections, each once per
 * finished run however many nodes share the database.
 */
abstract class MediaChainContract {
  static final DemoLibrary.Size SIZE = new DemoLibrary.Size(12, 2, 2, 3, 2, 2, 3);

  @TempDir Path temp;
  final List<JobEngine> engines = new ArrayList<>();
  final List<Database> databases = new ArrayList<>();
  final List<Runnable> stoppers = new ArrayList<>();

  /** The database of the {@code node}th node; every node's reaches the same data. */
  abstract Database database(Path folder, int node);

  /** Starts a second node on the shared database; returns what stops it. */
  abstract Runnable startSecondNode(JobEngine engine);

  @AfterEach
  void tearDown() {
    stoppers.forEach(Runnable::run);
    engines.forEach(JobEngine::close);
    databases.forEach(Database::close);
  }

  private JobEngine node(int node, SecretBox box) {
    Database database = database(temp.resolve("db"), node);
    databases.add(database);
    SourceStore sources = new SourceStore(database, box);
    var builder = JobEngine.builder().sharedDatabase(database).clock(Clock.systemUTC());
    SystemJobs.create(
            database,
            new JdbcJobRepository(database),
            sources,
            new SourceClientsByType(sources, HttpSettings.defaults()),
            Clock.systemUTC(),
            SystemJobs.Settings.defaults())
        .forEach(builder::register);
    JobEngine engine = builder.build();
    engines.add(engine);
    return engine;
  }

  @Test
  void aSyncIsFollowedByItsChainOnceWithTheSyncsStatistics() throws Exception {
    SecretBox box = SecretBox.random();
    JobEngine a = node(0, box);
    JobEngine b = node(1, box);
    MediaSchema.migrate(databases.get(0));
    DemoLibrary.Written library = new DemoLibrary(5).write(temp.resolve("library"), SIZE);
    MediaSource source =
        DemoLibrary.install(
            databases.get(0), new SourceStore(databases.get(0), box), library, Clock.systemUTC());
    a.service().syncDatabaseJobs();
    // The sync is run by hand below; its clock, firing on start, would race with it. A paused
    // leader is still followed: chains go by the followers' schedules.
    a.service().pauseSchedule(MediaSyncJob.NAME);
    a.start();
    stoppers.add(startSecondNode(b));

    JobRun sync =
        a.service()
            .runJobManually(
                ManualRun.of(MediaSyncJob.NAME)
                    .withParameters("{\"clientID\":" + source.id() + ",\"syncType\":\"full\"}"));
    JobRun synced = awaitEnd(a, sync.id());
    assertThat(synced.status()).as(synced.errorMessage()).isEqualTo(JobStatus.COMPLETED);
    JobRun refresh = awaitOneAfter(a, MetadataRefreshJob.NAME, synced);
    JobRun notified = awaitOneAfter(a, NewReleaseNotificationJob.NAME, refresh);
    JobRun collected = awaitOneAfter(a, "system.smart.collections", refresh);
    // Runs of a chain are written with the end of the run they follow: once nothing is active,
    // every follower that would ever be made has been.
    Await.until(
        "nothing active", Duration.ofSeconds(60), () -> a.service().getActiveJobRuns().isEmpty());

    for (JobRun follower : List.of(refresh, notified, collected)) {
      assertThat(follower.status()).as(follower.errorMessage()).isEqualTo(JobStatus.COMPLETED);
    }
    assertThat(followersOf(a, MetadataRefreshJob.NAME, synced)).hasSize(1);
    assertThat(followersOf(a, NewReleaseNotificationJob.NAME, refresh)).hasSize(1);
    assertThat(followersOf(a, "system.smart.collections", refresh)).hasSize(1);
    JsonNode after = Json.mapper().readTree(refresh.parameters()).path("after");
    assertThat(after.path("runId").asLong()).isEqualTo(synced.id());
    assertThat(after.path("statistics")).isEqualTo(Json.mapper().readTree(synced.metadata()));
    JsonNode notifiedAfter = Json.mapper().readTree(notified.parameters()).path("after");
    assertThat(notifiedAfter.path("runId").asLong()).isEqualTo(refresh.id());
    assertThat(notifiedAfter.path("after").path("runId").asLong()).isEqualTo(synced.id());
    // The refresh looked only at what the sync changed.
    assertThat(Json.mapper().readTree(refresh.metadata()).path("after").asLong())
        .isEqualTo(synced.id());
  }

  private static JobRun awaitEnd(JobEngine engine, long runId) throws InterruptedException {
    Await.until(
        "run " + runId + " ended",
        Duration.ofSeconds(60),
        () -> !engine.repository().getJobRunById(runId).orElseThrow().isActive());
    return engine.repository().getJobRunById(runId).orElseThrow();
  }

  private static JobRun awaitOneAfter(JobEngine engine, String job, JobRun followed)
      throws InterruptedException {
    Await.until(
        job + " after run " + followed.id(),
        Duration.ofSeconds(60),
        () -> !followersOf(engine, job, followed).isEmpty());
    return awaitEnd(engine, followersOf(engine, job, followed).get(0).id());
  }

  private static List<JobRun> followersOf(JobEngine engine, String job, JobRun followed) {
    return engine.repository().findRuns(RunQuery.latest(1000).withJobName(job)).runs().stream()
        .filter(run -> run.afterRunId() != null && run.afterRunId() == followed.id())
        .toList();
  }
}
