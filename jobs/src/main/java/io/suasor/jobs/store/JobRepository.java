package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.JobStatus;
import io.suasor.jobs.model.NewRun;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where schedules, runs, their progress and their logs are kept.
 *
 * <p>The first three groups are the specification's repository; the last is what a persistent,
 * clustered engine needs. Every method that takes {@code now} writes it as the time of the change:
 * the database's own clock is never read. Every status change is guarded in SQL by the status it
 * leaves, and follows {@link JobStatus}'s state machine (an end's status is checked by {@link
 * Completion}; the other changes are fixed ones the state machine allows).
 */
public interface JobRepository {
  /** The most completions {@link #finishRuns} takes at once. */
  int MAX_FINISH_BATCH = 100;

  // Schedules (specification)

  /**
   * Every schedule at once, in name order: the specification's, for small installations and tests;
   * what a server does with schedules uses the narrower reads below, which a server holding half a
   * million schedules can afford.
   */
  List<JobSchedule> getAllJobSchedules();

  /**
   * A page of schedules in name order after the schedule {@code afterId} (null: from the first);
   * {@code visibleTo}, when given, keeps that user's schedules and the system's.
   */
  SchedulePage findSchedules(Long visibleTo, Long afterId, int limit);

  /** The schedules of no user, in name order. */
  List<JobSchedule> findSystemSchedules();

  /** The schedules that follow another job ({@code after JOB}), in name order. */
  List<JobSchedule> findChainedSchedules();

  /** One user's schedules, in name order. */
  List<JobSchedule> findUserSchedules(long userId);

  /** The names of the schedules whose job is none of {@code jobNames}, in name order. */
  List<String> findScheduleNamesOfOtherJobs(Collection<String> jobNames);

  Optional<JobSchedule> getJobSchedule(String name);

  Optional<JobSchedule> getJobScheduleById(long id);

  /**
   * Stores a new schedule and returns it with its id.
   *
   * @throws DuplicateException when the name is taken
   */
  JobSchedule createJobSchedule(JobSchedule schedule, Instant now);

  /**
   * Writes an edited schedule when nobody changed it since it was read ({@code version}).
   *
   * @throws StaleScheduleException when someone did
   * @throws StoreException when it does not exist
   */
  JobSchedule updateJobSchedule(JobSchedule schedule, Instant now);

  /** Deletes a schedule; its runs stay in the history. Returns whether it existed. */
  boolean deleteJobSchedule(String name);

  // Runs (specification)

  /**
   * Inserts a run.
   *
   * @throws DuplicateException when the run's schedule fire instant already has a run
   */
  JobRun createJobRun(NewRun run, Instant now);

  /**
   * Inserts many runs in one transaction, with one statement per batch of rows; returns them in the
   * order given, with their ids. When one cannot be inserted, none is.
   *
   * @throws DuplicateException when a run's schedule fire instant already has a run
   */
  List<JobRun> createJobRuns(List<NewRun> runs, Instant now);

  List<JobRun> getRecentJobRuns(int limit);

  List<JobRun> getJobRunsByUser(long userId, int limit);

  Optional<JobRun> getJobRunById(long runId);

  /** Runs that have not ended: pending and running, oldest first. */
  List<JobRun> getActiveJobRuns();

  // Progress (specification)

  void updateJobProgress(long runId, int progress, String message, Instant now);

  void setJobTotalItems(long runId, long totalItems, Instant now);

  /** Adds to the processed items in one atomic statement, recomputing the percentage. */
  void incrementJobProcessedItems(long runId, long count, Instant now);

  // Engine

  /** Enabled schedules whose next run time is at or before {@code now}, earliest first. */
  List<JobSchedule> findDueSchedules(Instant now, int limit);

  /**
   * Applies one firing (see {@link Fire}); returns the runs inserted, empty if another node won.
   */
  List<JobRun> fireSchedule(Fire fire);

  /**
   * Fires up to {@code limit} due schedules in one transaction: takes them (skipping, on
   * PostgreSQL, those another node is firing at that moment), asks {@code plan} for each one's
   * firing, moves their next run times and inserts their runs. Fewer schedules taken than {@code
   * limit} means no more are free to fire now.
   */
  FiredBatch fireDueSchedules(Instant now, int limit, Function<JobSchedule, Fire> plan);

  /**
   * Brings the database planner's statistics of the runs up to date, after many were inserted at
   * once (a fire storm); see {@link Dialect#refreshStatistics}.
   */
  void refreshRunStatistics();

  /**
   * Inserts a run unless its job already has as many pending or running runs for its user as the
   * run's concurrency limit allows; empty when it does.
   */
  Optional<JobRun> createRunIfIdle(NewRun run, Instant now);

  /** When the next schedule fires and the next pending run becomes due. */
  DueTimes nextDueTimes();

  /**
   * Claims pending runs as {@code claim} says, atomically: concurrent claimers never get the same
   * run, and a job at its concurrency limit is skipped.
   */
  List<JobRun> claimDueRuns(Claim claim);

  /**
   * Starts runs that {@code nodeId} claimed ahead of its workers and holds pending, as of {@code
   * now}; returns those started. A run it no longer holds (cancelled, or released) is not started,
   * and nothing may run it there.
   */
  List<JobRun> startHeldRuns(Collection<Long> runIds, String nodeId, Instant now);

  /**
   * Stamps the heartbeat of the pending runs {@code nodeId} holds, of {@code runIds}; returns the
   * ids of those it still holds (a run missing was cancelled, or given back by another node).
   */
  List<Long> stampHeldRuns(String nodeId, Collection<Long> runIds, Instant now);

  /** Gives back the pending runs {@code nodeId} holds, of {@code runIds}, to any node. */
  int releaseHeldRuns(String nodeId, Collection<Long> runIds, Instant now);

  /** Stamps the heartbeat of the node's running runs; returns them with their cancel flags. */
  List<RunningRun> heartbeat(String nodeId, Instant now);

  /** Writes a running run's progress if {@code nodeId} still owns it; returns its cancel flag. */
  Optional<Boolean> flushProgress(
      long runId, String nodeId, ProgressSnapshot progress, Instant now);

  /**
   * Ends a run if it is still running on the completing node, and inserts its retry if any, or,
   * when it completed, one run for each schedule that follows its job, made by {@code followers}
   * (see {@link Followers}); empty when the node no longer owns the run.
   */
  Optional<Finished> finishRun(Completion completion, Followers followers);

  /**
   * Ends several runs (at most {@link #MAX_FINISH_BATCH}) without retries at once, each fenced and
   * followed as in {@link #finishRun}; returns the runs that ended, by id (a run this node no
   * longer owned is missing).
   */
  Map<Long, Finished> finishRuns(List<Completion> completions, Followers followers);

  /**
   * Starts held runs and ends runs (at most {@link #MAX_FINISH_BATCH} of both together, ends
   * without retries), each fenced as in {@link #startHeldRuns} and {@link #finishRuns}, in one
   * statement unless a chain follows a completed run. A run both started and ended here is written
   * once, as its end, and only if its node still held it.
   */
  Recorded recordRuns(List<HeldStart> starts, List<Completion> completions, Followers followers);

  /**
   * Running runs whose owner has not stamped a heartbeat since {@code heartbeatBefore}, and pending
   * runs held by a node that has not stamped them since (to give back, see {@link
   * #releaseHeldRuns}), oldest stamp first.
   */
  List<JobRun> findDeadRuns(Instant heartbeatBefore, int limit);

  /** Fails a run of a dead node (see {@link Reap}); empty when it was not dead any more. */
  Optional<Finished> reapRun(Reap reap);

  /**
   * Claims one pending run by id for {@code nodeId}, for a process that executes a run it was asked
   * for and nothing else; empty when the run is not pending any more, or a node holds it.
   */
  Optional<JobRun> claimRun(long runId, String nodeId, Instant now);

  /**
   * Runs changed after ({@code updatedAt}, {@code id}), oldest change first: how a node follows
   * what the others do.
   */
  List<JobRun> findRunsChangedAfter(Instant updatedAt, long id, int limit);

  /** Cancels a pending run at once, or asks the owner of a running one to stop it. */
  CancelOutcome requestCancel(long runId, Instant now);

  /** Deletes up to {@code batchSize} ended runs (and their logs) that ended before the instant. */
  int pruneRuns(Instant endedBefore, int batchSize);

  RunPage findRuns(RunQuery query);

  void appendLogs(long runId, List<LogLine> lines);

  List<LogLine> getRunLogs(long runId);

  // Node registry

  /**
   * Registers a node, replacing an earlier registration of the same id.
   *
   * @throws NodeConflictException on a single-node database where another node heartbeated since
   *     {@code aliveSince}
   */
  void registerNode(NodeInfo node, Instant aliveSince);

  /** Stamps a node alive; false when it is not registered (it was forgotten as dead). */
  boolean heartbeatNode(String nodeId, Instant now);

  void removeNode(String nodeId);

  /** Nodes that heartbeated since {@code aliveSince}. */
  List<NodeInfo> liveNodes(Instant aliveSince);

  /** Removes the registrations of nodes silent since before {@code before}. */
  int forgetSilentNodes(Instant before);
}
