package io.suasor.jobs.testing;

import io.suasor.jobs.Job;
import io.suasor.jobs.JobContext;
import io.suasor.jobs.RetryPolicy;
import io.suasor.jobs.model.JobType;
import io.suasor.jobs.schedule.Schedule;
import java.time.Duration;

/** A job for tests, made from a lambda and the policies a test wants. */
public final class TestJob implements Job {
  /** The work of a test job. */
  @FunctionalInterface
  public interface Work {
    void run(JobContext context) throws Exception;
  }

  private final String name;
  private final Work work;
  private Schedule schedule = Schedule.manual();
  private RetryPolicy retry = RetryPolicy.NONE;
  private Duration timeout = Duration.ofHours(1);
  private int maxConcurrency = 1;
  private JobType type = JobType.SYSTEM;

  private TestJob(String name, Work work) {
    this.name = name;
    this.work = work;
  }

  public static TestJob of(String name, Work work) {
    return new TestJob(name, work);
  }

  public static TestJob noop(String name) {
    return new TestJob(name, context -> {});
  }

  public TestJob schedule(Schedule value) {
    this.schedule = value;
    return this;
  }

  public TestJob retry(RetryPolicy value) {
    this.retry = value;
    return this;
  }

  public TestJob timeout(Duration value) {
    this.timeout = value;
    return this;
  }

  public TestJob maxConcurrency(int value) {
    this.maxConcurrency = value;
    return this;
  }

  public TestJob type(JobType value) {
    this.type = value;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public JobType type() {
    return type;
  }

  @Override
  public Schedule schedule() {
    return schedule;
  }

  @Override
  public RetryPolicy retryPolicy() {
    return retry;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public int maxConcurrency() {
    return maxConcurrency;
  }

  @Override
  public void execute(JobContext context) throws Exception {
    work.run(context);
  }
}
