package io.suasor.jobs.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.event.JobEvent;
import io.suasor.jobs.event.JobListener;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.service.ManualRun;
import io.suasor.jobs.store.StaleScheduleException;
import io.suasor.jobs.testing.EventRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Runs the examples of jobs/README.md, and checks that the README's Java blocks are exactly the
 * code between this file's {@code README:<name>:begin} and {@code README:<name>:end} markers, in
 * order: a README example that is not compiled and run here fails the build.
 */
class EmbeddingExampleTest {
  @TempDir Path folder;
  private final EventRecorder events = new EventRecorder();
  private final FinishedRuns finished = new FinishedRuns();
  private JobEngine engine;

  // README:engine:begin
  static class ThumbnailJob implements Job {
    @Override
    public String name() {
      return "thumbnails.generate";
    }

    @Override
    public Schedule schedule() {
      return Schedule.parse("daily at 03:00");
    }

    @Override
    public void execute(JobContext context) throws Exception {
      List<String> files = List.of("a.jpg", "b.jpg", "c.jpg");
      context.totalItems(files.size());
      for (String file : files) {
        context.checkCancelled();
        context.log().info("thumbnail for {}", file);
        context.advance(1);
      }
      context.result("thumbnails", files.size());
    }
  }

  static JobEngine startEngine(DataSource dataSource, JobListener listener) {
    JobEngine engine =
        JobEngine.builder()
            .dataSource(dataSource)
            .workerThreads(2) // runs at once on this node
            .pollInterval(Duration.ofSeconds(10)) // the longest the engine sleeps unwoken
            .heartbeatInterval(Duration.ofSeconds(5)) // how often running runs are stamped alive
            .deadRunThreshold(Duration.ofSeconds(30)) // silence after which a run counts as lost
            .shutdownGrace(Duration.ofSeconds(30)) // how long close() waits for running jobs
            .cancelGrace(Duration.ofSeconds(5)) // a cancelled run's time to stop before interrupt
            .register(new ThumbnailJob())
            .listener(listener) // told of each run's creation, start, progress and end
            .build();
    engine.service().syncDatabaseJobs(); // stores "daily at 03:00" for the job
    engine.start();
    return engine;
  }

  // README:engine:end

  // README:run:begin
  static JobRun thumbnailsNow(JobEngine engine) {
    ManualRun request = ManualRun.of("thumbnails.generate").withParameters("{\"size\":256}");
    return engine.service().runJobManually(request); // refused while the job is already running
  }

  // README:run:end

  // README:bulk:begin
  static List<JobRun> enqueueThumbnails(JobEngine engine, List<String> files) {
    Instant now = Instant.now();
    List<NewRun> runs =
        files.stream()
            .map(
                file ->
                    NewRun.builder("thumbnails.generate", JobType.SYSTEM, Trigger.MANUAL, now)
                        .parameters("{\"file\":\"" + file + "\"}")
                        .concurrencyLimit(NewRun.UNLIMITED) // side by side, not one at a time
                        .build())
            .toList();
    return engine.service().enqueueAll(runs); // in the order given, with their ids
  }

  // README:bulk:end

  // README:schedule:begin
  static JobSchedule nightlyThumbnails(JobEngine engine, long userId) {
    JobSchedule schedule =
        engine
            .service()
            .createJobSchedule(
                JobSchedule.builder("thumbnails.generate")
                    .name("thumbnails.user-" + userId)
                    .userId(userId)
                    .frequency("daily at 02:30")
                    .timeZone("Europe/Berlin")
                    .config("{\"size\":128}") // each run's parameters
                    .build());
    // An edit names what it changes and keeps the rest, including the version that guards it.
    return engine
        .service()
        .updateJobSchedule(schedule.toBuilder().frequency("weekly on sun at 02:30").build());
  }

  // README:schedule:end

  // README:listener:begin
  /** Counts finished runs by status. Events arrive on engine threads: a listener stays quick. */
  static class FinishedRuns implements JobListener {
    final Map<JobStatus, LongAdder> byStatus = new ConcurrentHashMap<>();

    @Override
    public void onEvent(JobEvent event) {
      if (event instanceof JobEvent.RunFinished ended) {
        byStatus.computeIfAbsent(ended.run().status(), status -> new LongAdder()).increment();
      }
    }
  }

  // README:listener:end

  @BeforeEach
  void start() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + folder.resolve("app.db"));
    // The counter first, so that a run the recorder saw finish is already counted.
    engine =
        startEngine(
            dataSource,
            event -> {
              finished.onEvent(event);
              events.onEvent(event);
            });
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void theEngineRunsItsJobWithTheSettingsGiven() {
    JobRun run = engine.service().runJobManually("thumbnails.generate");
    JobRun ended = events.awaitFinished(run.id());

    assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(ended.metadata()).isEqualTo("{\"thumbnails\":3}");
    assertThat(ended.processedItems()).isEqualTo(3);
    assertThat(
            engine.service().getJobScheduleByName("thumbnails.generate").orElseThrow().frequency())
        .isEqualTo("daily at 03:00");
    assertThat(engine.service().getRunLogs(run.id())).hasSize(3);
    assertThat(engine.settings().workerThreads()).isEqualTo(2);
    assertThat(engine.settings().pollInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(engine.settings().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(engine.settings().deadRunThreshold()).isEqualTo(Duration.ofSeconds(30));
    assertThat(engine.settings().shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(engine.settings().cancelGrace()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void oneRunIsEnqueuedWithItsParameters() {
    JobRun run = thumbnailsNow(engine);

    assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
    assertThat(run.parameters()).isEqualTo("{\"size\":256}");
    assertThat(events.awaitFinished(run.id()).status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void manyRunsAreEnqueuedInOneCallAndAllRun() {
    List<JobRun> runs = enqueueThumbnails(engine, List.of("x.jpg", "y.jpg"));

    assertThat(runs)
        .extracting(JobRun::parameters)
        .containsExactly("{\"file\":\"x.jpg\"}", "{\"file\":\"y.jpg\"}");
    for (JobRun run : runs) {
      assertThat(events.awaitFinished(run.id()).status()).isEqualTo(JobStatus.COMPLETED);
    }
  }

  @Test
  void aUsersScheduleIsCreatedAndEdited() {
    JobSchedule schedule = nightlyThumbnails(engine, 7);

    assertThat(schedule.name()).isEqualTo("thumbnails.user-7");
    assertThat(schedule.userId()).isEqualTo(7L);
    assertThat(schedule.frequency()).isEqualTo("weekly on sun at 02:30");
    assertThat(schedule.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(schedule.config()).isEqualTo("{\"size\":128}");
    assertThat(schedule.enabled()).isTrue();
    assertThat(schedule.nextRunTime()).isNotNull();
    assertThat(schedule.version()).isEqualTo(1);
    JobSchedule stale = schedule.toBuilder().version(0).enabled(false).build();
    assertThatThrownBy(() -> engine.service().updateJobSchedule(stale))
        .isInstanceOf(StaleScheduleException.class);
  }

  @Test
  void theListenerCountsEveryFinishedRun() {
    List<JobRun> runs = enqueueThumbnails(engine, List.of("x.jpg", "y.jpg", "z.jpg"));
    runs.forEach(run -> events.awaitFinished(run.id()));

    assertThat(finished.byStatus.get(JobStatus.COMPLETED).sum()).isEqualTo(3);
    assertThat(finished.byStatus).containsOnlyKeys(JobStatus.COMPLETED);
  }

  @Test
  void theReadmeShowsExactlyTheCodeThisTestRuns() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/io/suasor/jobs/example/EmbeddingExampleTest.java"));
    String readme = Files.readString(Path.of("README.md"));

    List<String> marked =
        matches(source, "// README:([a-z]+):begin\\n(.*?)\\n\\s*// README:\\1:end", 2);
    List<String> shown = matches(readme, "```java\\n(.*?)```", 1);

    assertThat(marked).hasSize(5);
    assertThat(shown).containsExactlyElementsOf(marked);
  }

  /** Each match's group, compared regardless of indentation and blank lines. */
  private static List<String> matches(String text, String regex, int group) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    while (matcher.find()) {
      found.add(
          matcher
              .group(group)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .reduce("", (a, b) -> a + b + "\n"));
    }
    return found;
  }
}
