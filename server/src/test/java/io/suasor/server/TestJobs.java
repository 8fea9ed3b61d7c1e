package io.suasor.server;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Real jobs for the server's tests. */
public final class TestJobs {
  private TestJobs() {}

  /** Counts to the {@code items} parameter (default 3), recording the count. */
  public static final class Quick implements Job {
    @Override
    public String name() {
      return "test.quick";
    }

    @Override
    public JobType type() {
      return JobType.USER;
    }

    @Override
    public Schedule schedule() {
      return Schedule.manual();
    }

    @Override
    public void execute(JobContext context) {
      int items = context.parameters().contains("\"items\"") ? 5 : 3;
      context.totalItems(items);
      for (int i = 0; i < items; i++) {
        context.checkCancelled();
        context.advance(1);
      }
      context.log().info("counted {} items", items);
      context.result("counted", items);
    }
  }

  /** A system job, daily by default. */
  public static final class Maintenance implements Job {
    @Override
    public String name() {
      return "test.system";
    }

    @Override
    public Schedule schedule() {
      return Schedule.parse("daily at 03:00");
    }

    @Override
    public void execute(JobContext context) {
      context.result("checked", 1);
    }
  }

  /**
   * Reports one item each time a permit is released, and ends when all are processed or the run is
   * cancelled; tests steer it without sleeping.
   */
  public static final class Gated implements Job {
    public static final int ITEMS = 3;
    public final Semaphore permits = new Semaphore(0);
    public volatile CountDownLatch started = new CountDownLatch(1);

    @Override
    public String name() {
      return "test.gated";
    }

    @Override
    public JobType type() {
      return JobType.USER;
    }

    @Override
    public Schedule schedule() {
      return Schedule.manual();
    }

    @Override
    public void execute(JobContext context) throws InterruptedException {
      context.totalItems(ITEMS);
      started.countDown();
      for (int i = 0; i < ITEMS; i++) {
        while (!permits.tryAcquire(20, TimeUnit.MILLISECONDS)) {
          context.checkCancelled();
        }
        context.advance(1);
        context.message("item " + (i + 1));
      }
    }
  }

  public static List<Job> all(Gated gated) {
    return List.of(new Quick(), new Maintenance(), gated);
  }
}
