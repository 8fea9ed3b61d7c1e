package io.suasor.server.http;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Real jobs the dashboard's browser tests start, watch and cancel. */
final class DashboardJobs {
  private DashboardJobs() {}

  /** Processes one item each time the test releases a permit, so each step can be watched. */
  static final class Stepped implements Job {
    static final int ITEMS = 4;
    final Semaphore permits = new Semaphore(0);
    volatile CountDownLatch started = new CountDownLatch(1);

    @Override
    public String name() {
      return "library.scan";
    }

    @Override
    public JobType type() {
      return JobType.SYNC;
    }

    @Override
    public Schedule schedule() {
      return Schedule.manual();
    }

    @Override
    public void execute(JobContext context) throws InterruptedException {
      context.totalItems(ITEMS);
      context.log().info("scanning {} folders", ITEMS);
      started.countDown();
      for (int i = 1; i <= ITEMS; i++) {
        while (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
          context.checkCancelled();
        }
        context.advance(1);
        context.message("scanned folder " + i + " of " + ITEMS);
        context.count("files", 10L * i);
      }
      context.result("folders", ITEMS);
      context.log().info("scan finished");
    }
  }

  /** Runs until it is cancelled; moves on one item each time the test releases a permit. */
  static final class Endless implements Job {
    final Semaphore permits = new Semaphore(0);

    @Override
    public String name() {
      return "metadata.refresh";
    }

    @Override
    public JobType type() {
      return JobType.SYSTEM;
    }

    @Override
    public Schedule schedule() {
      return Schedule.parse("monthly on 1 at 03:00");
    }

    @Override
    public void execute(JobContext context) throws InterruptedException {
      context.log().info("refreshing metadata until cancelled");
      for (int step = 1; ; step++) {
        context.progress(Math.min(95, step), "refreshing item " + step);
        while (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
          context.checkCancelled();
        }
      }
    }
  }

  /** Fails every attempt, and is retried once. */
  static final class Failing implements Job {
    @Override
    public String name() {
      return "notifications.send";
    }

    @Override
    public JobType type() {
      return JobType.NOTIFICATION;
    }

    @Override
    public Schedule schedule() {
      return Schedule.manual();
    }

    @Override
    public RetryPolicy retryPolicy() {
      return RetryPolicy.exponential(2, Duration.ofMillis(50));
    }

    @Override
    public void execute(JobContext context) {
      context.log().warn("the mail server refused the connection");
      throw new IllegalStateException("mail server smtp.example.invalid:25 refused the connection");
    }
  }

  /** Counts quickly through a few items; what most of the history is made of. */
  static final class Counting implements Job {
    @Override
    public String name() {
      return "recommendations.build";
    }

    @Override
    public JobType type() {
      return JobType.RECOMMENDATION;
    }

    @Override
    public Schedule schedule() {
      return Schedule.parse("cron 0 */6 * * *");
    }

    @Override
    public void execute(JobContext context) {
      context.totalItems(3);
      for (int i = 0; i < 3; i++) {
        context.checkCancelled();
        context.advance(1);
      }
      context.result("recommendations", 3);
      context.log().info("built {} recommendations", 3);
    }
  }
}
