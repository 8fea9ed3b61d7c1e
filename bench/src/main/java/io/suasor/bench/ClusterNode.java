package io.suasor.bench;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.engine.JobEngine;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.store.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One engine node in a JVM of its own, for {@link FireStormBench} and {@link ManyNodesBench}. It
 * starts its engine, prints {@code READY}, works until its standard input says {@code STOP} (or
 * closes), then stops the engine and prints {@code EXECUTED <n>}: how many job bodies ran here.
 *
 * <p>Arguments: {@code postgres <jdbc url> | sqlite <file>}, node id, worker threads, pool size,
 * poll interval in milliseconds.
 */
public final class ClusterNode {
  /** A user's job: one run at a time per (job, user), the engine's default concurrency. */
  static final String USER_JOB = "bench.user";

  /** A system job without a concurrency limit, as in the harness's burn-down. */
  static final String FREE_JOB = "bench.free";

  static final String READY = "READY";
  static final String EXECUTED = "EXECUTED ";

  private static final AtomicInteger executed = new AtomicInteger();

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    Database database =
        args[0].equals("sqlite")
            ? Database.sqlite(Path.of(args[1]))
            : Database.postgres(args[1], "postgres", "postgres", Integer.parseInt(args[4]));
    JobEngine engine =
        JobEngine.builder()
            .database(database)
            .migrate(false)
            .nodeId(args[2])
            .workerThreads(Integer.parseInt(args[3]))
            .pollInterval(Duration.ofMillis(Long.parseLong(args[5])))
            .register(new Counted(USER_JOB, JobType.USER, NewRun.EXCLUSIVE))
            .register(new Counted(FREE_JOB, JobType.SYSTEM, NewRun.UNLIMITED))
            .build();
    engine.start();
    System.out.println(READY);
    System.out.flush();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.equals("STOP"));
    }
    engine.close();
    System.out.println(EXECUTED + executed.get());
    System.out.flush();
    System.exit(0);
  }

  private record Counted(String name, JobType type, int maxConcurrency) implements Job {
    @Override
    public void execute(JobContext context) {
      executed.incrementAndGet();
    }
  }
}
