package io.suasor.bench;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;

/**
 * JobRunr with its PostgreSQL storage. It keeps a succeeded job's row (deleted after 36 hours by
 * default), as we do.
 */
final class JobRunrContender implements Contender {
  /** JobRunr refuses a shorter poll interval ("too much load on your datastore"). */
  static final Duration SHORTEST_POLL_INTERVAL = Duration.ofSeconds(5);

  private final HikariDataSource pool;
  private final JobScheduler jobs;
  private final BackgroundJobServer server;

  JobRunrContender(Target target, BenchSettings settings) {
    pool = target.pool("jobrunr", settings.poolSize());
    var configured =
        JobRunr.configure()
            .useStorageProvider(new PostgresStorageProvider(pool))
            .useBackgroundJobServer(
                usingStandardBackgroundJobServerConfiguration()
                    .andWorkerCount(settings.workerThreads())
                    .andPollInterval(longer(settings.pollInterval(), SHORTEST_POLL_INTERVAL)),
                false)
            .initialize();
    jobs = configured.getJobScheduler();
    server = configured.getBackgroundJobServer();
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public void createDueNow(int runs, boolean reportProgress) {
    jobs.enqueue(IntStream.range(0, runs).boxed(), i -> JobRunrTask.run(0L));
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public void createDueAt(List<Instant> dues) {
    jobs.create(
        dues.stream()
            .map(
                due -> {
                  long dueMillis = due.toEpochMilli();
                  return JobBuilder.aJob()
                      .scheduleAt(due)
                      .withDetails(() -> JobRunrTask.run(dueMillis));
                }));
  }

  @Override
  public void close() {
    JobRunr.destroy();
    pool.close();
  }
}
