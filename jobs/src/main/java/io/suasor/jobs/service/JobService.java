package io.suasor.jobs.service;

import io.suasor.jobs.Job;
import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import io.suasor.jobs.store.CancelOutcome;
import io.suasor.jobs.store.LogLine;
import io.suasor.jobs.store.RunPage;
import io.suasor.jobs.store.RunQuery;
import io.suasor.jobs.store.SchedulePage;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The job system as an application uses it: the specification's JobService in Java, plus
 * cancellation, pausing and filtered history.
 */
public interface JobService {

  // Scheduler management (specification)

  void startScheduler();

  void stopScheduler();

  void registerJob(Job job);

  /**
   * Gives every registered job without a stored schedule one from its default, keeps schedules that
   * people edited, and reports stored schedules whose job is not registered.
   */
  SyncReport syncDatabaseJobs();

  Collection<Job> registeredJobs();

  // Schedules (specification)

  List<JobSchedule> getAllJobSchedules();

  /**
   * A page of schedules in name order after the schedule {@code afterId} (null: from the first);
   * {@code visibleTo}, when given, keeps that user's schedules and the system's.
   */
  SchedulePage findSchedules(Long visibleTo, Long afterId, int limit);

  /** One user's schedules, in name order. */
  List<JobSchedule> findUserSchedules(long userId);

  Optional<JobSchedule> getJobScheduleByName(String name);

  /**
   * Validates and stores a new schedule, computing its first run time.
   *
   * @throws UnknownJobException when its job is not registered
   * @throws InvalidRequestException when its frequency, time zone or config is not valid
   * @throws io.suasor.jobs.store.DuplicateException when its name is taken
   */
  JobSchedule createJobSchedule(JobSchedule schedule);

  /**
   * Validates and stores an edited schedule; a changed frequency or time zone, or a re-enabled
   * schedule, gets its next run time recomputed from its last run.
   */
  JobSchedule updateJobSchedule(JobSchedule schedule);

  /** Deletes a schedule; its runs stay in the history. */
  boolean deleteJobSchedule(String name);

  JobSchedule pauseSchedule(String name);

  JobSchedule resumeSchedule(String name);

  // Runs (specification)

  List<JobRun> getRecentJobRuns(int limit);

  List<JobRun> getUserJobRuns(long userId, int limit);

  Optional<JobRun> getJobRunById(long runId);

  List<JobRun> getActiveJobRuns();

  /**
   * Creates a run of the job due now and wakes the engine; the run exists when this returns.
   *
   * @throws UnknownJobException when no job has that name
   * @throws JobBusyException when the job is already running or waiting for that user
   */
  JobRun runJobManually(String jobName);

  JobRun runJobManually(ManualRun request);

  /**
   * Creates many runs in one transaction (one insert statement per batch of rows), publishes a
   * {@link io.suasor.jobs.event.JobEvent.RunCreated} for each and wakes the engine once. Every run
   * is checked before any is inserted; the concurrency limits apply when runs are claimed, not
   * here.
   *
   * @return the runs in the order given, with their ids
   * @throws InvalidRequestException naming the first bad entry by index ({@code runs[3]}); nothing
   *     is inserted then
   */
  List<JobRun> enqueueAll(List<NewRun> runs);

  CancelOutcome cancelRun(long runId);

  RunPage findRuns(RunQuery query);

  List<LogLine> getRunLogs(long runId);

  // Progress (specification)

  void updateJobProgress(long runId, int progress, String message);

  void setJobTotalItems(long runId, long totalItems);

  void incrementJobProcessedItems(long runId, long count);
}
