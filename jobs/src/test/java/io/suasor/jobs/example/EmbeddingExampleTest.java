package io.suasor.jobs.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.model.Trigger;
import io.suasor.jobs.schedule.Schedule;
import io.suasor.jobs.testing.EventRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Runs the embedding example of jobs/README.md, and checks the README shows exactly this code. */
class EmbeddingExampleTest {
  @TempDir Path folder;

  // README:begin
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

  static JobEngine startEngine(DataSource dataSource) {
    JobEngine engine =
        JobEngine.builder()
            .dataSource(dataSource)
            .workerThreads(2) // runs at once on this node
            .shutdownGrace(Duration.ofSeconds(30)) // how long close() waits for running jobs
            .register(new ThumbnailJob())
            .build();
    engine.service().syncDatabaseJobs(); // stores "daily at 03:00" for the job
    engine.start();
    return engine;
  }

  // README:end

  // README:bulk:begin
  static List<JobRun> enqueueThumbnails(JobEngine engine, List<String> files) {
    Instant now = Instant.now();
    List<NewRun> runs =
        files.stream()
            .map(
                file ->
                    NewRun.of("thumbnails.generate", JobType.SYSTEM, Trigger.MANUAL, now)
                        .withParameters("{\"file\":\"" + file + "\"}")
                        .withConcurrencyLimit(NewRun.UNLIMITED))
            .toList();
    return engine.service().enqueueAll(runs); // in the order given, with their ids
  }

  // README:bulk:end

  @Test
  void theReadmeBulkExampleRuns() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + folder.resolve("bulk.db"));
    EventRecorder events = new EventRecorder();

    JobEngine engine = startEngine(dataSource);
    try {
      engine.addListener(events);
      List<JobRun> runs = enqueueThumbnails(engine, List.of("x.jpg", "y.jpg"));

      assertThat(runs)
          .extracting(JobRun::parameters)
          .containsExactly("{\"file\":\"x.jpg\"}", "{\"file\":\"y.jpg\"}");
      for (JobRun run : runs) {
        assertThat(events.awaitFinished(run.id()).status()).isEqualTo(JobStatus.COMPLETED);
      }
    } finally {
      engine.close();
    }
  }

  @Test
  void theReadmeExampleRuns() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + folder.resolve("app.db"));
    EventRecorder events = new EventRecorder();

    JobEngine engine = startEngine(dataSource);
    try {
      engine.addListener(events);
      JobRun run = engine.service().runJobManually("thumbnails.generate");
      JobRun ended = events.awaitFinished(run.id());

      assertThat(ended.status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(ended.metadata()).isEqualTo("{\"thumbnails\":3}");
      assertThat(ended.processedItems()).isEqualTo(3);
      assertThat(
              engine
                  .service()
                  .getJobScheduleByName("thumbnails.generate")
                  .orElseThrow()
                  .frequency())
          .isEqualTo("daily at 03:00");
      assertThat(engine.service().getRunLogs(run.id())).hasSize(3);
      assertThat(engine.settings().workerThreads()).isEqualTo(2);
      assertThat(engine.settings().shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    } finally {
      engine.close();
    }
  }

  @Test
  void theReadmeShowsThisCode() throws Exception {
    String source =
        Files.readString(Path.of("src/test/java/io/suasor/jobs/example/EmbeddingExampleTest.java"));
    String readme = Files.readString(Path.of("README.md"));
    for (String marker : List.of("README", "README:bulk")) {
      String begin = "// " + marker + ":begin";
      String example =
          source.substring(
              source.indexOf(begin) + begin.length(), source.indexOf("// " + marker + ":end"));
      assertThat(normalise(readme)).contains(normalise(example));
    }
  }

  /** Compares code regardless of indentation. */
  private static String normalise(String code) {
    return code.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .reduce("", (a, b) -> a + b + "\n");
  }
}
