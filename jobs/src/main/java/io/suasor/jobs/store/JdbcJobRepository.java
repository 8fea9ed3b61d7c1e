package io.suasor.jobs.store;

import io.suasor.jobs.model.JobRun;
import io.suasor.jobs.model.JobSchedule;
import io.suasor.jobs.model.NewRun;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one {@link JobRepository}: JDBC over SQLite or PostgreSQL, with the dialect's differences.
 */
public final class JdbcJobRepository implements JobRepository {
  private final ScheduleStore schedules;
  private final ScheduleListings listings;
  private final RunStore runs;
  private final EngineStore engine;
  private final NodeStore nodes;
  private final CompletionStore completions;
  private final ClaimStore claims;
  private final RunProgressStore reports;

  /** A repository over {@code database}, whose schema must be migrated ({@link #migrate}). */
  public JdbcJobRepository(Database database) {
    this.schedules = new ScheduleStore(database);
    this.listings = new ScheduleListings(database);
    this.runs = new RunStore(database);
    this.engine = new EngineStore(database);
    this.nodes = new NodeStore(database);
    this.completions = new CompletionStore(database);
    this.claims = new ClaimStore(database);
    this.reports = new RunProgressStore(database);
  }

  /** Creates or upgrades the engine's tables. */
  public static void migrate(Database database) {
    database.migrate("jobs");
  }

  @Override
  public List<JobSchedule> getAllJobSchedules() {
    return listings.all();
  }

  @Override
  public SchedulePage findSchedules(Long visibleTo, Long afterId, int limit) {
    return listings.page(visibleTo, afterId, limit);
  }

  @Override
  public List<JobSchedule> findSystemSchedules() {
    return listings.system();
  }

  @Override
  public List<JobSchedule> findChainedSchedules() {
    return listings.chained();
  }

  @Override
  public List<JobSchedule> findUserSchedules(long userId) {
    return listings.ofUser(userId);
  }

  @Override
  public List<String> findScheduleNamesOfOtherJobs(Collection<String> jobNames) {
    return listings.namesOfOtherJobs(jobNames);
  }

  @Override
  public Optional<JobSchedule> getJobSchedule(String name) {
    return schedules.byName(name);
  }

  @Override
  public Optional<JobSchedule> getJobScheduleById(long id) {
    return schedules.byId(id);
  }

  @Override
  public JobSchedule createJobSchedule(JobSchedule schedule, Instant now) {
    return schedules.create(schedule, now);
  }

  @Override
  public JobSchedule updateJobSchedule(JobSchedule schedule, Instant now) {
    return schedules.update(schedule, now);
  }

  @Override
  public boolean deleteJobSchedule(String name) {
    return schedules.delete(name);
  }

  @Override
  public JobRun createJobRun(NewRun run, Instant now) {
    JobRun created = runs.create(run, now);
    claims.madeClaimable(List.of(created));
    return created;
  }

  @Override
  public List<JobRun> createJobRuns(List<NewRun> newRuns, Instant now) {
    List<JobRun> created = runs.createAll(List.copyOf(newRuns), now);
    claims.madeClaimable(created);
    return created;
  }

  @Override
  public List<JobRun> getRecentJobRuns(int limit) {
    return runs.recent(limit);
  }

  @Override
  public List<JobRun> getJobRunsByUser(long userId, int limit) {
    return runs.byUser(userId, limit);
  }

  @Override
  public Optional<JobRun> getJobRunById(long runId) {
    return runs.byId(runId);
  }

  @Override
  public List<JobRun> getActiveJobRuns() {
    return runs.active();
  }

  @Override
  public void updateJobProgress(long runId, int progress, String message, Instant now) {
    reports.updateProgress(runId, progress, message, now);
  }

  @Override
  public void setJobTotalItems(long runId, long totalItems, Instant now) {
    reports.setTotalItems(runId, totalItems, now);
  }

  @Override
  public void incrementJobProcessedItems(long runId, long count, Instant now) {
    reports.incrementProcessed(runId, count, now);
  }

  @Override
  public List<JobSchedule> findDueSchedules(Instant now, int limit) {
    return schedules.due(now, limit);
  }

  @Override
  public List<JobRun> fireSchedule(Fire fire) {
    List<JobRun> fired = engine.fire(fire);
    claims.madeClaimable(fired);
    return fired;
  }

  @Override
  public FiredBatch fireDueSchedules(Instant now, int limit, Function<JobSchedule, Fire> plan) {
    FiredBatch batch = engine.fireDue(now, limit, plan);
    claims.madeClaimable(batch.runs());
    return batch;
  }

  @Override
  public void refreshRunStatistics() {
    runs.refreshStatistics();
  }

  @Override
  public Optional<JobRun> createRunIfIdle(NewRun run, Instant now) {
    Optional<JobRun> created = engine.createIfIdle(run, now);
    created.ifPresent(r -> claims.madeClaimable(List.of(r)));
    return created;
  }

  @Override
  public DueTimes nextDueTimes() {
    return engine.nextDueTimes();
  }

  @Override
  public List<JobRun> claimDueRuns(Claim claim) {
    return claims.claim(claim);
  }

  @Override
  public List<JobRun> startHeldRuns(Collection<Long> runIds, String nodeId, Instant now) {
    return claims.start(runIds, nodeId, now);
  }

  @Override
  public List<Long> stampHeldRuns(String nodeId, Collection<Long> runIds, Instant now) {
    return claims.stamp(nodeId, runIds, now);
  }

  @Override
  public int releaseHeldRuns(String nodeId, Collection<Long> runIds, Instant now) {
    return claims.release(nodeId, runIds, now);
  }

  @Override
  public List<RunningRun> heartbeat(String nodeId, Instant now) {
    return engine.heartbeat(nodeId, now);
  }

  @Override
  public Optional<Boolean> flushProgress(
      long runId, String nodeId, ProgressSnapshot progress, Instant now) {
    return engine.flushProgress(runId, nodeId, progress, now);
  }

  @Override
  public Optional<Finished> finishRun(Completion completion, Followers followers) {
    return completions.finish(completion, followers);
  }

  @Override
  public Map<Long, Finished> finishRuns(List<Completion> batch, Followers followers) {
    return completions.record(List.of(), batch, followers).ended();
  }

  @Override
  public Recorded recordRuns(List<HeldStart> starts, List<Completion> batch, Followers followers) {
    return completions.record(starts, batch, followers);
  }

  @Override
  public List<JobRun> findDeadRuns(Instant heartbeatBefore, int limit) {
    return engine.dead(heartbeatBefore, limit);
  }

  @Override
  public Optional<Finished> reapRun(Reap reap) {
    return completions.reap(reap);
  }

  @Override
  public Optional<JobRun> claimRun(long runId, String nodeId, Instant now) {
    return claims.claimOne(runId, nodeId, now);
  }

  @Override
  public List<JobRun> findRunsChangedAfter(Instant updatedAt, long id, int limit) {
    return runs.changedAfter(updatedAt, id, limit);
  }

  @Override
  public CancelOutcome requestCancel(long runId, Instant now) {
    return engine.requestCancel(runId, now);
  }

  @Override
  public int pruneRuns(Instant endedBefore, int batchSize) {
    return engine.prune(endedBefore, batchSize);
  }

  @Override
  public RunPage findRuns(RunQuery query) {
    return runs.find(query);
  }

  @Override
  public void appendLogs(long runId, List<LogLine> lines) {
    reports.appendLogs(runId, lines);
  }

  @Override
  public List<LogLine> getRunLogs(long runId) {
    return reports.logs(runId);
  }

  @Override
  public void registerNode(NodeInfo node, Instant aliveSince) {
    nodes.register(node, aliveSince);
  }

  @Override
  public boolean heartbeatNode(String nodeId, Instant now) {
    return nodes.heartbeat(nodeId, now);
  }

  @Override
  public void removeNode(String nodeId) {
    nodes.remove(nodeId);
  }

  @Override
  public List<NodeInfo> liveNodes(Instant aliveSince) {
    return nodes.alive(aliveSince);
  }

  @Override
  public int forgetSilentNodes(Instant before) {
    return nodes.forgetSilent(before);
  }
}
